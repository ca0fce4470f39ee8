"""Refugee data commands (UNHCR)."""
