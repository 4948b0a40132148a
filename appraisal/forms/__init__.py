"""Forms validate and normalise input only; rules live in the services. One module per view module."""
