"""hotdocs_advance client (in progress)."""
