"""Appraisal workflows, one module per subdomain (periods, plans, progress)."""
