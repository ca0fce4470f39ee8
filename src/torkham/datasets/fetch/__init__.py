"""Live fetch from the UCDP and ACLED APIs, only when the user asks: pages are saved beside the store
as they arrive (so an interrupted fetch resumes), then imported with the dataset formats."""
