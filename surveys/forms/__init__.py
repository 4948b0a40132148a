"""Forms validate and normalise only; the rules live in ``services``. One module per view module."""
