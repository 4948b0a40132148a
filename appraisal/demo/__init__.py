"""Demo seeders of the appraisal app (docs/demo-data.md), kept apart from its rules: plans, then evaluations."""
