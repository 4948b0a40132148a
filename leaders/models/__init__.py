"""The leaders' own records; each feature keeps its models in a module of this package."""
