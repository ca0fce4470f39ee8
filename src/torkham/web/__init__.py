"""The web workbench and REST API: pages and /api/v1 over the same store and analysis code as the CLI."""
