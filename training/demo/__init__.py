"""Demo seeders of the training app (``seed_demo``): the catalogue first, then standards, profiles and records."""
