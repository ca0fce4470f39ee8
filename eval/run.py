"""Measure the extractors: precision and recall of each proposal kind against hand-checked annotations.

    .venv/bin/python eval/run.py                 # every annotation in eval/annotations/ but the unseen ones
    .venv/bin/python eval/run.py --doc gul-2024  # one of them
    .venv/bin/python eval/run.py --details       # also list what was missed and what was proposed wrongly
    .venv/bin/python eval/run.py --dev           # the development set (eval/dev/), which may be tuned on
    .venv/bin/python eval/run.py --unseen        # the final measurement: dev, seen and unseen sets, targets

Each set ends with its pooled per-kind table; the unseen set's is checked against the targets of issue 14.

Proposals are made twice: on an EMPTY knowledge base (actors, dates, figures, events, claims,
citations), and with the knowledge base the annotation names as `lexicon` (mentions of known actors).
An annotation with `kb: <source>` is also measured against that hand-encoded knowledge base."""

from __future__ import annotations

import argparse
import hashlib
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from annotation import EVAL, Annotation, load_annotation, place_items  # noqa: E402
from kbrecall import kb_recall  # noqa: E402
from scoring import Score, score_actors, score_mentions, score_spans  # noqa: E402
from summary import print_summary  # noqa: E402

from torkham.errors import TorkhamError  # noqa: E402
from torkham.ingest.document import Document, Page  # noqa: E402
from torkham.ingest.extract import propose  # noqa: E402
from torkham.ingest.extract.lexicon import Lexicon  # noqa: E402
from torkham.kb.loader import BUNDLED_KNOWLEDGE, load_knowledge  # noqa: E402
from torkham.model.vocabulary import default_vocabulary  # noqa: E402

ANNOTATIONS = EVAL / "annotations"
DEVELOPMENT = EVAL / "dev"


def read_document(annotation: Annotation) -> Document:
    """The document as `torkham ingest` reads it (ingest.text), else its plain text as one page."""
    try:
        from torkham.ingest.text import extract_document
    except ImportError:
        text = annotation.document.read_text(encoding="utf-8")
        sha = hashlib.sha256(text.encode("utf-8")).hexdigest()
        doc = Document(annotation.document, text, "text", sha, pages=[Page(1, 0, len(text))])
    else:
        doc = extract_document(annotation.document)
    if "date" in annotation.__dict__ and annotation.date is not None:
        doc.date = str(annotation.date)
    elif annotation.date is None:
        doc.date = None  # the annotation says the document has no date of its own
    return doc


def _percent(value: float | None) -> str:
    return "   –  " if value is None else f"{100 * value:5.1f}%"


def evaluate(path: Path, details: bool) -> list[Score]:
    annotation = load_annotation(path)
    doc = read_document(annotation)
    place_items(annotation, doc.text)
    started = time.perf_counter()
    empty = propose(doc, Lexicon.empty())
    seconds = time.perf_counter() - started
    scores = [score_actors(annotation.items["actors"], empty)]
    scores += [
        score_spans(kind, annotation.items[kind], empty)
        for kind in ("dates", "figures", "events", "claims", "citations", "places")
        if kind in annotation.annotated
    ]
    if annotation.lexicon:
        kb = load_knowledge(BUNDLED_KNOWLEDGE / annotation.lexicon, default_vocabulary())
        known = propose(doc, Lexicon.from_knowledge(kb))
        if annotation.items["mentions"]:
            scores.insert(0, score_mentions(annotation.items["mentions"], known))
    print(f"\n{path.stem}: {annotation.document.name}, {len(doc.text):,} characters, propose() in {seconds:.2f} s")
    print(f"  {'kind':<10} {'annotated':>9} {'proposed':>9} {'matched':>8} {'precision':>10} {'recall':>8}")
    if "places" not in annotation.annotated:
        print(f"  {'places':<10} {'not annotated in this document: not measured':>46}")
    for s in scores:
        extra = "  " + ", ".join(f"{k}: {v}" for k, v in s.extra.items()) if s.extra else ""
        print(
            f"  {s.kind:<10} {s.tp + s.fn:>9} {s.tp + s.fp:>9} {s.tp:>8} {_percent(s.precision):>10} {_percent(s.recall):>8}{extra}"
        )
        if details:
            for missed in s.missed:
                print(f"      missed: {missed}")
            for wrong in s.wrong:
                print(f"      not annotated: {wrong}")
    if annotation.kb:
        print(f"  recall against the hand-encoded knowledge base ({annotation.kb}), empty knowledge base at ingest:")
        print(f"  {'kind':<10} {'records':>9} {'in text':>9} {'matched':>8} {'recall':>8}")
        for r in kb_recall(annotation.kb, doc.text, empty):
            print(f"  {r.kind:<10} {r.records:>9} {r.located:>9} {r.matched:>8} {_percent(r.recall):>8}")
    return scores


def _unseen(path: Path) -> bool:
    """An annotation marked `unseen: true`: its document has never been run through an extractor."""
    return any(line.split("#")[0].strip() == "unseen: true" for line in path.read_text(encoding="utf-8").splitlines())


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--doc", help="annotation name (a file eval/annotations/NAME.yaml)")
    parser.add_argument("--details", action="store_true", help="list the misses and the proposals not annotated")
    parser.add_argument("--dev", action="store_true", help="measure the development set (eval/dev/) instead")
    parser.add_argument(
        "--unseen",
        action="store_true",
        help="also measure the documents still unseen (`unseen: true`): once, at the end",
    )
    args = parser.parse_args(argv)
    folder = DEVELOPMENT if args.dev else ANNOTATIONS
    paths = sorted(folder.glob("*.yaml"))
    if args.doc:
        paths = [folder / f"{args.doc}.yaml"]
        if not paths[0].is_file():
            known = ", ".join(p.stem for p in sorted(folder.glob("*.yaml")))
            print(f"Error: no annotation {paths[0]}; choose one of: {known}", file=sys.stderr)
            return 1
    sets = _sets(paths, args)
    try:
        met = [
            print_summary(title, {p.stem: evaluate(p, args.details) for p in members}, targets)
            for title, members, targets in sets
        ]
    except TorkhamError as exc:
        print(f"Error: {exc}", file=sys.stderr)
        return 1
    return 0 if all(met) else 2


def _sets(paths: list[Path], args: argparse.Namespace) -> list[tuple[str, list[Path], bool]]:
    """The sets measured, each (title, annotations, whether the targets apply)."""
    if args.doc or args.dev:
        return [("development set" if args.dev else args.doc, paths, False)]
    unseen = [p for p in paths if _unseen(p)]
    seen = [p for p in paths if p not in unseen]
    if not args.unseen:
        if unseen:
            print(
                f"Not measured (unseen until the final measurement; add --unseen): {', '.join(p.stem for p in unseen)}"
            )
        return [("seen annotations", seen, False)]
    return [
        ("development set", sorted(DEVELOPMENT.glob("*.yaml")), False),
        ("seen annotations", seen, False),
        ("UNSEEN texts", unseen, True),
    ]


if __name__ == "__main__":
    sys.exit(main())
