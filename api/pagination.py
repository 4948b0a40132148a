from __future__ import annotations

from django.conf import settings
from rest_framework.pagination import PageNumberPagination


class Pagination(PageNumberPagination):
    """``?page=`` and ``?page_size=`` (up to ``API_MAX_PAGE_SIZE``); a page past the end is a 404."""

    page_size = settings.API_PAGE_SIZE
    page_size_query_param = "page_size"
    max_page_size = settings.API_MAX_PAGE_SIZE
