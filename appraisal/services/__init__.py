"""Appraisal workflows, one module per subdomain (periods, plans, progress, evaluations and the rest)."""
