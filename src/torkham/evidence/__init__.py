"""Evidence: the sides of disputed questions, claims checked against the data, briefings."""
