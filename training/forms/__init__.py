"""Training forms, arranged like the views."""
