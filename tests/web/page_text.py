"""What the page tests share: the text of a page's error message, and a page's visible text."""

from __future__ import annotations

import html
import re


def error_message(response) -> str:
    """The message of the HTML error page (404, 422), as the browser shows it."""
    found = re.search(r'<p class="error" role="alert">(.*?)</p>', response.text, re.S)
    assert found, f"no error message on the page ({response.status_code})"
    return html.unescape(found.group(1))


def text_of(response) -> str:
    """The page's main content as text (tags dropped, white space folded)."""
    main = response.text.split('<main id="main"', 1)[-1].split(">", 1)[-1].split("</main>", 1)[0]
    inline = re.sub(r"</?(a|b|i|q|span|abbr|code|kbd)\b[^>]*>", "", main)
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", inline)).split())


def paper_at_hand() -> bool:
    """Whether the paper's text lies beside the checkout (as in CI): only then does the store know the line
    of each quote, so pages show "line N" locators."""
    from pathlib import Path

    repo = Path(__file__).resolve().parents[2]
    name = "000_1cc79c1e65cf21c6.txt"
    return any((folder / "shared" / "source" / name).is_file() for folder in (repo.parent, repo))
