"""The one line `torkham review` shows per proposal."""

import pytest

from torkham.ingest.review import summary


@pytest.mark.parametrize(
    ("record", "expected"),
    [
        ({"asserted_by": ["ttp"], "statement": "the attack was ours"}, "TTP: the attack was ours"),
        ({"asserted_by": [], "statement": "six militants killed"}, "(speaker to name): six militants killed"),
        ({"statement": "six militants killed"}, "(speaker to name): six militants killed"),
    ],
)
def test_a_claim_says_its_speaker_or_that_one_is_to_be_named(record, expected):
    assert summary("claims", record, {"ttp": "TTP"}) == expected
