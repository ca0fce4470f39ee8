"""Refugee statistics (UNHCR Refugee Data Finder tables): import, store tables, queries."""
