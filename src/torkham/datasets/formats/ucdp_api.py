"""UCDP GED API pages: `{"TotalCount", "TotalPages", "PreviousPageUrl", "NextPageUrl", "Result": [...]}`,
each record holding the GED fields of the release CSV. Same mapping and checks as the CSV."""

from __future__ import annotations

from dataclasses import replace

from torkham.datasets.formats.ucdp import UCDP_GED_CSV

# The page URLs carry the version: https://ucdpapi.pcr.uu.se/api/gedevents/25.1?pagesize=1000&page=2
_VERSION = r"""NULLIF(regexp_extract(coalesce(max(NULLIF(page_nextpageurl, '')), max(NULLIF(page_previouspageurl, ''))),
'/gedevents/([^/?]+)', 1), '')"""

UCDP_GED_API = replace(
    UCDP_GED_CSV,
    name="ucdp-ged-api",
    label="UCDP GED API page (JSON)",
    reader="json",
    records_key="Result",
    page_fields=("NextPageUrl", "PreviousPageUrl"),
    skip_row=None,
    hxl_row=False,
    version_sql=_VERSION,
    version_note="version {version} taken from the page URLs; pass --version to set it",
)
