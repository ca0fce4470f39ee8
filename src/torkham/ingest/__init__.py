"""Bring a new document into torkham: extract its text, propose knowledge, review it."""
