"""Bulk import of units, positions and employees from SIMPEG/SIASN exports (docs/import-export.md)."""
