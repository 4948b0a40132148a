"""Demo seeders of the org app (docs/demo-data.md), kept apart from its rules: the regency's data, then the seeder."""
