"""Briefings: a situation report for a date range (collect.py gathers, render.py writes HTML or PDF)."""
