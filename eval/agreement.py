"""How far two annotators agree: a second annotation scored against the first as if it were the extractor.

    .venv/bin/python eval/agreement.py                      # every file in eval/agreement/ against eval/annotations/
    .venv/bin/python eval/agreement.py --details            # also list what one annotator marked and the other not

Each item of the second annotation (eval/agreement/<doc>.yaml, made without seeing the first) becomes a
proposal at its passage, and is matched with the rules `eval/run.py` uses for the extractors (scoring.py):
the same date, value, speaker, place or name. "Precision" is then the share of the second annotator's items
the first also marked, "recall" the share of the first annotator's items the second also marked; the table
is the same as run.py's, so the two can be read side by side: an extractor cannot be expected to agree
with an annotator more than a second annotator does. Mentions are not compared."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from annotation import EVAL, Item, load_annotation, place_items  # noqa: E402
from run import read_document  # noqa: E402
from scoring import Score, score_actors, score_spans  # noqa: E402
from summary import print_summary  # noqa: E402

from torkham.errors import TorkhamError  # noqa: E402
from torkham.ingest.proposal import Proposal  # noqa: E402

SECOND = EVAL / "agreement"
FIRST = EVAL / "annotations"
SPAN_KINDS = ("dates", "figures", "events", "claims", "places")
PROPOSAL_KIND = {"dates": "date", "figures": "figure", "events": "event", "claims": "claim", "places": "place"}


def as_proposal(kind: str, item: Item) -> Proposal:
    """The second annotator's item as the extractor would have proposed it."""
    start, end = item.spans[0]
    record = dict(item.data)
    if kind == "claims":
        speakers = [str(item.data["by"])] if item.data.get("by") else []
        record["asserted_by"] = [*speakers, "author"] if item.data.get("author") else speakers
    if kind == "places":
        record.setdefault("name", item.data.get("name") or item.data["text"])
    return Proposal(PROPOSAL_KIND[kind], record, start, end, sentence="")


def actor_proposals(items: list[Item]) -> list[Proposal]:
    return [Proposal("actor", dict(item.data), 0, 0, sentence="") for item in items]


def compare(name: str, second_dir: Path, details: bool) -> list[Score]:
    first, second = load_annotation(FIRST / f"{name}.yaml"), load_annotation(second_dir / f"{name}.yaml")
    text = read_document(first).text
    for annotation in (first, second):
        place_items(annotation, text)
    scores = [score_actors(first.items["actors"], actor_proposals(second.items["actors"]))]
    for kind in SPAN_KINDS:
        if kind in first.annotated and kind in second.annotated:
            proposals = [as_proposal(kind, item) for item in second.items[kind]]
            scores.append(score_spans(kind, first.items[kind], proposals))
    if details:
        _print_differences(name, scores)
    return scores


def _print_differences(name: str, scores: list[Score]) -> None:
    print(f"\n{name}")
    for score in scores:
        for passage in score.missed:
            print(f"  {score.kind:<8} only the first:  {passage}")
        for label in score.wrong:
            print(f"  {score.kind:<8} only the second: {label}")


def names(paths: list[Path]) -> list[str]:
    return [p.stem for p in paths if (FIRST / p.name).is_file()]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--details", action="store_true", help="list the items only one annotator marked")
    parser.add_argument("--second", type=Path, default=SECOND, help=f"folder of the second annotations ({SECOND})")
    args = parser.parse_args(argv)
    docs = names(sorted(args.second.glob("*.yaml")))
    if not docs:
        print(f"Error: no second annotation in {args.second} with a first one in {FIRST}", file=sys.stderr)
        return 1
    try:
        per_document = {name: compare(name, args.second, args.details) for name in docs}
    except TorkhamError as exc:
        print(f"Error: {exc}", file=sys.stderr)
        return 1
    print_summary("second annotator against the first", per_document, targets=False)
    return 0


if __name__ == "__main__":
    sys.exit(main())
