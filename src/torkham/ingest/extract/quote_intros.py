"""A quotation introduced by a line of its own above it: 'Jawid*, 17, said:' then, in the next paragraph,
'“I was born in Lahore and they didn’t allow me to attend school. …”' — the speaker of the line ending in a
speech verb and a colon speaks the quotation (one claim per sentence: quote_sentences). A line that does not end
in a colon ('Jawid*, 17, said.'), or one longer than INTRO_CHARS, introduces nothing below it."""

from __future__ import annotations

import re

from torkham.ingest.extract.quote_speakers import speaker_before
from torkham.ingest.extract.speakers import Speaker

INTRO_CHARS = 120
_OPENS_PARAGRAPH = re.compile(r":[ \t]*\n\s*$")  # the line above ends in a colon; the quotation opens its paragraph


def speaker_above(text: str, quote_start: int) -> Speaker | None:
    """The speaker of the line right above the quotation, when that line ends in '<verb>:'."""
    above = _OPENS_PARAGRAPH.search(text, max(0, quote_start - 40), quote_start)
    if above is None:
        return None
    line_end = above.start() + 1  # after the colon
    line_start = text.rfind("\n", 0, above.start()) + 1
    if line_end - line_start > INTRO_CHARS:
        return None
    speaker = speaker_before(text, line_end, line_start)
    if speaker is None:
        return None
    name = speaker.text.rstrip("*")  # 'Jawid*': the mark of a changed name
    return Speaker(name, speaker.start, speaker.start + len(name), speaker.generic, speaker.also)
