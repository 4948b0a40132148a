"""Files appraisal exchanges with the national systems and the Pemda's other tools (docs/import-export.md)."""
