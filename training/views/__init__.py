"""Training pages, one module per area: the catalogue and standards (HR), development (employee, supervisor), AKPK."""
