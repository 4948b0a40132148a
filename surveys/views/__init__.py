"""Views of the survey, split by audience: ``public`` (citizens), ``results``, ``setup``, ``complaints`` (staff)."""
