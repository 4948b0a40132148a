"""Demo seeders of the surveys app (docs/demo-data.md), kept apart from its rules."""
