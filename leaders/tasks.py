"""The leaders' Celery tasks, where ``autodiscover_tasks`` looks for them; each feature keeps its own."""

from .talent.tasks import talent_map_compute

__all__ = ["talent_map_compute"]
