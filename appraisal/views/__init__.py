"""Appraisal views, one module per page group; thin: fetch with permission, form, service, redirect."""
