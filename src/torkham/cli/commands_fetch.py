"""`torkham fetch …`: download from the UCDP and ACLED APIs (only when the user asks)."""
