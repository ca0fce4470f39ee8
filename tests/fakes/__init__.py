"""Local fake HTTP servers imitating the UCDP and ACLED APIs (127.0.0.1, random free port)."""
