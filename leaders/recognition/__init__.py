"""Recognition of top performers and coaching of those who need it (domain.md §7.4, docs/leaders.md)."""
