"""Render a briefing (collect.collect's dict) to HTML with Jinja2 and to PDF with WeasyPrint. The HTML
is one self-contained file (charts as data: URIs); the PDF embeds DejaVu Sans from matplotlib's own
font files, and nothing is fetched: only file: and data: URLs are allowed. Files are written atomically."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from torkham.errors import TorkhamError

TEMPLATES = Path(__file__).resolve().parent / "templates"
FORMATS = {".html": "html", ".pdf": "pdf"}
ALLOWED_URLS = ("file", "data")
FACES = (  # file under matplotlib/mpl-data/fonts/ttf, weight, style
    ("DejaVuSans.ttf", "normal", "normal"),
    ("DejaVuSans-Bold.ttf", "bold", "normal"),
    ("DejaVuSans-Oblique.ttf", "normal", "italic"),
    ("DejaVuSans-BoldOblique.ttf", "bold", "italic"),
)


def check_output(text: str) -> tuple[Path, str]:
    """The output path and its format (html or pdf), or an error naming the fix."""
    path = Path(text)
    kind = FORMATS.get(path.suffix.lower())
    if kind is None:
        raise TorkhamError(f"--output: '{text}' must end in .html or .pdf (the format is taken from it)")
    if not path.parent.is_dir():
        raise TorkhamError(f"--output: folder {path.parent} does not exist; create it or choose another path")
    return path, kind


def render_html(doc: dict, embed_fonts: bool = False, template: str = "brief.html.j2") -> str:
    from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape

    env = Environment(
        loader=FileSystemLoader(TEMPLATES),
        autoescape=select_autoescape(enabled_extensions=("j2",), default_for_string=True, default=False),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    fonts, mono = (_font_faces(), _font_url("DejaVuSansMono.ttf")) if embed_fonts else ([], None)
    return env.get_template(template).render(doc=doc, fonts=fonts, mono_url=mono)


def render_pdf(doc: dict, template: str = "brief.html.j2") -> bytes:
    import logging

    from weasyprint import HTML, urls

    logging.getLogger("weasyprint").setLevel(logging.ERROR)
    logging.getLogger("fontTools").setLevel(logging.ERROR)
    html = render_html(doc, embed_fonts=True, template=template)
    fatal = getattr(urls, "FatalURLFetchingError", OSError)  # a BaseException in WeasyPrint 68+
    try:
        return HTML(string=html, base_url=TEMPLATES.as_uri() + "/", url_fetcher=_fetcher()).write_pdf()
    except fatal as exc:
        cause = f" ({exc.__cause__})" if exc.__cause__ else ""
        raise TorkhamError(f"cannot render the PDF: {exc}{cause}") from None


def write_brief(doc: dict, path: Path, kind: str, template: str = "brief.html.j2") -> int:
    """Write the briefing (or another document of `template`) as `kind` (html or pdf) to `path` through a
    temporary file; returns its size."""
    data = render_pdf(doc, template) if kind == "pdf" else render_html(doc, template=template).encode("utf-8")
    handle = tempfile.NamedTemporaryFile(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp", delete=False)  # noqa: SIM115
    try:
        with handle:
            handle.write(data)
        os.chmod(handle.name, 0o666 & ~_umask())  # a temporary file is private (0600); the briefing is not
        os.replace(handle.name, path)
    except OSError as exc:
        Path(handle.name).unlink(missing_ok=True)
        raise TorkhamError(f"--output: cannot write {path}: {exc.strerror or exc}") from None
    return len(data)


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def _font_url(name: str) -> str:
    import matplotlib

    path = Path(matplotlib.get_data_path()) / "fonts" / "ttf" / name
    if not path.is_file():
        raise TorkhamError(
            f"font file {path} is missing: reinstall matplotlib (its DejaVu fonts are embedded in the PDF)"
        )
    return path.as_uri()


def _font_faces() -> list[dict]:
    return [{"url": _font_url(name), "weight": weight, "style": style} for name, weight, style in FACES]


def _fetcher():
    """A WeasyPrint URL fetcher that refuses every URL but file: and data: (no network, ever)."""
    from weasyprint import urls

    if hasattr(urls, "URLFetcher"):  # WeasyPrint 68+
        return urls.URLFetcher(allowed_protocols=ALLOWED_URLS, fail_on_errors=True)

    def fetch(url: str, *args, **kwargs):  # older WeasyPrint: a function returning a dict
        if url.split(":", 1)[0].lower() not in ALLOWED_URLS:
            raise ValueError(f"refused to fetch {url}: briefings use no network")
        return urls.default_url_fetcher(url, *args, **kwargs)

    return fetch
