"""The per-kind table of a set of documents, and the issue-14 targets checked on the unseen set."""

from __future__ import annotations

from scoring import Score

FACTS = ("figures", "events", "claims", "places")  # fact recall: figures, dated events, claims with speaker, places
TARGETS = (  # (what, kinds, measure, at least) — on the unseen texts
    ("fact recall", FACTS, "recall", 0.80),
    ("actor recall", ("actors",), "recall", 0.90),
    ("actor-candidate precision", ("actors",), "precision", 0.80),
    *((f"{kind} precision", (kind,), "precision", 0.85) for kind in ("dates", *FACTS, "mentions")),
)


def pooled(scores: list[Score], kinds: tuple[str, ...]) -> Score:
    """One score over every document's score of `kinds` (counts added, not rates averaged)."""
    total = Score("+".join(kinds))
    for s in scores:
        if s.kind in kinds:
            total.tp, total.fp, total.fn = total.tp + s.tp, total.fp + s.fp, total.fn + s.fn
    return total


def _percent(value: float | None) -> str:
    return "   –  " if value is None else f"{100 * value:5.1f}%"


def print_summary(title: str, per_document: dict[str, list[Score]], targets: bool) -> bool:
    """Print the pooled table of a set; with `targets`, each target met or not. True when all are met."""
    scores = [s for doc in per_document.values() for s in doc]
    kinds = list(dict.fromkeys(s.kind for s in scores))
    print(f"\n== {title}: {len(per_document)} documents ({', '.join(per_document)})")
    print(f"  {'kind':<10} {'docs':>5} {'annotated':>9} {'proposed':>9} {'matched':>8} {'precision':>10} {'recall':>8}")
    for kind in kinds:
        docs = sum(1 for doc in per_document.values() if any(s.kind == kind for s in doc))
        s = pooled(scores, (kind,))
        print(
            f"  {kind:<10} {docs:>5} {s.tp + s.fn:>9} {s.tp + s.fp:>9} {s.tp:>8} "
            f"{_percent(s.precision):>10} {_percent(s.recall):>8}"
        )
    facts = pooled(scores, FACTS)
    print(f"  facts (figures, events, claims, places) recall: {_percent(facts.recall)}")
    if not targets:
        return True
    met_all = True
    print("  targets (issue 14):")
    for what, target_kinds, measure, least in TARGETS:
        value = getattr(pooled(scores, target_kinds), measure)
        met = value is not None and value >= least
        met_all &= met or value is None
        verdict = "met" if met else ("not measured" if value is None else "NOT met")
        print(f"    {what:<28} {_percent(value):>7}  target ≥ {100 * least:.0f}%  {verdict}")
    return met_all
