"""Claim checks: run the `checks` records of the knowledge base against the data held and give each a
verdict — supported, contradicted, or cannot be decided with the data held (with the reasons) — and
always the evidence: the computed value, dataset and version, the query, the events or rows behind it."""

from __future__ import annotations

from typing import TYPE_CHECKING

from torkham.errors import TorkhamError
from torkham.evidence import comparators
from torkham.evidence.check_spec import DEFINITIONS_DIFFER, CheckSpec, Measurement
from torkham.params import CheckQuery
from torkham.store import queries

if TYPE_CHECKING:
    import duckdb

    from torkham.analysis._typing import Record
    from torkham.analysis.selection import Tables
    from torkham.evidence.check_events import EventCache
    from torkham.model.vocabulary import Vocabulary

VERDICTS = {
    "supported": "supported",
    "contradicted": "contradicted",
    "undecided": "cannot be decided with the data held",
    "not-checkable": "not checkable",
}
DIFFER_DEFAULT = "the dataset does not count what the text counts"


def run_checks(con: duckdb.DuckDBPyConnection, query: CheckQuery | None = None) -> Record:
    """`{"checks": [...], "summary": {verdict: count}}` for the checks `query` names (check ids, or ids of
    the figures and claims they are about), in knowledge-base order; all checks when it names none."""
    from torkham.model.vocabulary import default_vocabulary

    specs = [CheckSpec.from_record(r) for r in queries.records_of(con, "checks")]
    chosen = _choose(con, specs, list(query.ids) if query else [])
    about = queries.records_by_id(con, sorted({a for s in chosen for a in s.about}))
    vocab = default_vocabulary()
    context = _Context(con, vocab)
    results = [_run(context, spec, about) for spec in chosen]
    summary = {key: sum(r["verdict"] == key for r in results) for key in VERDICTS}
    return {"checks": results, "summary": summary}


class _Context:
    """The store and, opened on first need, the Ibis backend the event checks read."""

    def __init__(self, con: duckdb.DuckDBPyConnection, vocab: Vocabulary) -> None:
        self.con, self.vocab = con, vocab
        self._backend: Tables | None = None
        self._cache: EventCache | None = None

    @property
    def backend(self) -> Tables:
        if self._backend is None:
            from torkham.analysis.selection import connect_ibis

            self._backend = connect_ibis(self.con)
        return self._backend

    @property
    def cache(self) -> EventCache:
        """What the event checks of one run share (dataset spans, countries held)."""
        if self._cache is None:
            from torkham.evidence.check_events import EventCache

            self._cache = EventCache()
        return self._cache


def _choose(con: duckdb.DuckDBPyConnection, specs: list[CheckSpec], wanted: list[str]) -> list[CheckSpec]:
    if not wanted:
        return specs
    picked: set[str] = set()
    for name in wanted:
        matches = [s for s in specs if s.id == name] or [s for s in specs if name in s.about]
        if not matches:
            found = queries.records_by_id(con, [name])
            if not found:
                raise TorkhamError(
                    f"unknown check, figure or claim '{name}'; 'torkham check' without ids runs every check"
                )
            raise TorkhamError(
                f"no check is about '{name}'; add one to a checks file of the knowledge base "
                "(docs/knowledge-format.md, checks)"
            )
        picked.update(s.id for s in matches)
    return [s for s in specs if s.id in picked]


def _run(context: _Context, spec: CheckSpec, about: dict[str, Record]) -> Record:
    result: Record = {
        "id": spec.id,
        "about": [_about(about.get(a), a) for a in spec.about],
        "checkable": spec.checkable,
    }
    if not spec.checkable:
        return result | {"verdict": "not-checkable", "verdict_label": VERDICTS["not-checkable"], "reason": spec.reason}
    assert spec.metric is not None and spec.dataset is not None and spec.comparator is not None  # checkable
    measurement = _measure(context, spec)
    outcome = _compare(spec, measurement)
    reasons = list(measurement.reasons)
    if spec.definitions == "differ":
        reasons.append(f"{DEFINITIONS_DIFFER}: {spec.caveats[0] if spec.caveats else DIFFER_DEFAULT}")
    verdict = "undecided" if reasons else "supported" if outcome and outcome.holds else "contradicted"
    vocab = context.vocab
    metric = vocab["check_metrics"][spec.metric]
    result |= {
        "metric": spec.metric,
        "metric_label": metric["label"],
        "unit": vocab.label("units", metric["unit"]),
        "dataset": spec.dataset,
        "dataset_label": vocab["check_datasets"][spec.dataset]["label"],
        "filters": spec.filters,
        "period": {"from": spec.record["period"]["from"], "to": spec.record["period"]["to"]},
        "comparator": spec.comparator,
        "comparator_label": vocab["check_comparators"][spec.comparator]["label"],
        "stated": _stated(spec),
        "verdict": verdict,
        "verdict_label": VERDICTS[verdict],
        "reasons": reasons,
        "comparison": outcome.text if outcome else None,
        "definitions": spec.definitions,
        "assumes": list(spec.assumes),
        "caveats": list(spec.caveats),
        "evidence": measurement.evidence,
    }
    _read_from(result, measurement.evidence)
    if outcome and spec.definitions == "differ" and not measurement.reasons:
        result["if_definitions_matched"] = "supported" if outcome.holds else "contradicted"
    return result


def _measure(context: _Context, spec: CheckSpec) -> Measurement:
    assert spec.dataset is not None  # a checkable spec
    family = context.vocab["check_datasets"][spec.dataset]["family"]
    if family == "events":
        from torkham.evidence.check_events import measure_events

        return measure_events(context.con, context.backend, spec, context.cache)
    if family == "figures":
        from torkham.evidence.check_figures import measure_figures

        return measure_figures(context.con, spec)
    from torkham.evidence.check_refugees import measure_refugees

    return measure_refugees(context.con, spec, context.vocab)


def _compare(spec: CheckSpec, m: Measurement) -> comparators.Outcome | None:
    """The comparator's outcome, or None when the data give nothing to compare."""
    if m.value is None:
        return None
    # Validation (kb/checkspecs.py) gives each comparator the fields it needs (vocabulary.yaml, check_comparators).
    if spec.comparator == "equals":
        assert spec.value is not None and spec.tolerance is not None
        return comparators.equals(m.value, spec.value, spec.tolerance)
    if spec.comparator == "at_least":
        assert spec.value is not None
        return comparators.at_least(m.value, spec.value, spec.strict)
    if spec.comparator == "at_most":
        assert spec.value is not None
        return comparators.at_most(m.value, spec.value, spec.strict)
    if spec.comparator == "highest_in":
        window = m.evidence.get("window") or {}
        unit = window.get("unit", "month")
        label = window["values"][-1]["period"] if window.get("values") else spec.period_text
        return comparators.highest_in(m.value, label, m.others, unit, spec.min_size)
    if m.baseline is None or m.months is None:
        return None
    assert spec.comparator is not None
    return comparators.change(m.value, m.baseline, m.months, spec.comparator, spec.min_change)


def _read_from(result: Record, evidence: Record) -> None:
    """The data the verdict rests on when the check read through coverage (another dataset of its
    family): its basis, and preliminary data named as such in the comparison."""
    if "coverage" in evidence:
        result["coverage"] = evidence["coverage"]
    if "basis" not in evidence:
        return
    from torkham.analysis.selection import DATASETS

    dataset = evidence["dataset"]
    info = DATASETS.get(dataset)
    versions = ", ".join(evidence.get("versions") or []) or "?"
    result["basis"] = evidence["basis"]
    result["read_from"] = {
        "dataset": dataset,
        "label": f"{info.name if info else dataset} {versions}",
        "basis": evidence["basis"],
        "status": evidence.get("status"),
    }
    result["preliminary"] = bool(evidence.get("preliminary"))
    if result["preliminary"] and result.get("comparison"):
        result["comparison"] += (
            f" — preliminary: read from {result['read_from']['label']} (candidate events, revised in UCDP's "
            "next release)"
        )


def _stated(spec: CheckSpec) -> Record:
    keys = ("value", "tolerance", "strict", "window", "min_size", "baseline", "min_change", "aggregate")
    return {k: spec.record[k] for k in keys if k in spec.record}


def _about(record: Record | None, record_id: str) -> Record:
    if record is None:  # validation keeps this from happening; say so rather than fail
        return {"id": record_id, "kind": "missing"}
    kind = "figure" if "value_text" in record else "claim"
    out: Record = {
        "id": record_id,
        "kind": kind,
        "text": record.get("counts") if kind == "figure" else record.get("statement"),
        "quote": record.get("quote"),
        "source": record.get("source"),
        "locator": record.get("locator") or {},
        "cites": record.get("cites") or [],
    }
    if kind == "figure":
        out |= {"value": record.get("value"), "value_text": record.get("value_text"), "unit": record.get("unit")}
        out["period"] = record.get("period")
    else:
        out["asserted_by"] = record.get("asserted_by") or []
    return out
