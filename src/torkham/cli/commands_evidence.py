"""Evidence commands: perspectives, claim checks, briefings."""
