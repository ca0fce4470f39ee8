"""Checks across records: ids, references, shared names, figures and verbatim quotes."""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field
from pathlib import Path

from torkham.kb.checkspecs import check_specs
from torkham.kb.loader import KnowledgeBase, Record, Staged, load_knowledge
from torkham.kb.names import normalize
from torkham.kb.schema import COMMON, KINDS
from torkham.kb.texts import SourceText, find_text, text_search_dirs
from torkham.model.vocabulary import Vocabulary


@dataclass
class Validation:
    kb: KnowledgeBase
    texts: dict[str, SourceText] = field(default_factory=dict)  # source id -> its text
    notices: list[str] = field(default_factory=list)

    @property
    def problems(self) -> list[str]:
        return self.kb.problems

    @property
    def ok(self) -> bool:
        return not self.kb.problems


def validate_knowledge(
    root: Path, vocab: Vocabulary, text_dirs: list[Path] | None = None, staged: Staged | None = None
) -> Validation:
    """Every check of the knowledge base; `staged` validates files about to be written (kb.loader)."""
    result = Validation(load_knowledge(root, vocab, staged))
    kb = result.kb
    ids = _check_ids(kb)
    _check_references(kb, ids)
    _check_names(kb)
    _check_figures(kb)
    check_specs(kb, vocab)
    _find_texts(result, text_dirs)
    _check_quotes(result)
    _check_crosswalks(kb)
    return result


def _check_crosswalks(kb: KnowledgeBase) -> None:
    from torkham.datasets.actors import load_crosswalks
    from torkham.errors import TorkhamError

    try:
        load_crosswalks(kb.root, {a.id for a in kb.curated("actors")})
    except TorkhamError as exc:
        kb.problems.append(str(exc))


def _check_ids(kb: KnowledgeBase) -> dict[str, Record]:
    seen: dict[str, Record] = {}
    for record in kb.records:
        if not isinstance(record.data.get("id"), str):
            continue
        if record.id in seen:
            first = seen[record.id]
            kb.problems.append(
                f"{record.where('id')}: duplicate id '{record.id}': already used by the {first.kind[:-1]} at {first.where('id')}; ids are unique across the knowledge base"
            )
        else:
            seen[record.id] = record
    return seen


def _check_references(kb: KnowledgeBase, ids: dict[str, Record]) -> None:
    for record in kb.records:
        fields = {**COMMON, **KINDS[record.kind]["fields"]}
        for key, field_type in fields.items():
            if key not in record.data:
                continue
            if field_type == "anyref":
                _check_any_reference(kb, record, key, ids)
                continue
            if not field_type.startswith(("ref:", "refs:")):
                continue
            target_kind = field_type.split(":", 1)[1]
            value = record.data[key]
            targets = value if isinstance(value, list) else [value]
            for target in targets:
                if not isinstance(target, str):
                    continue
                found = ids.get(target)
                if found is None or found.kind != target_kind:
                    known = [r.id for r in kb.of(target_kind)]
                    close = difflib.get_close_matches(target, known, n=3)
                    hint = (
                        f"; did you mean {', '.join(close)}?"
                        if close
                        else f"; define it in {target_kind} or fix the id"
                    )
                    what = "unknown" if found is None else f"'{target}' is a {found.kind[:-1]}, not a"
                    noun = target_kind[:-1] if target_kind != "ambiguities" else "ambiguity"
                    text = f"unknown {noun} '{target}'" if found is None else f"{what} {noun}"
                    kb.problems.append(f"{record.where(key)}: {key}: {text} (dangling reference){hint}")
                elif found.proposed and not record.proposed:
                    kb.problems.append(_refers_to_proposal(record, key, found))
        if record.kind == "relations" and record.get("from") == record.get("to"):
            kb.problems.append(f"{record.where('to')}: relation '{record.id}' links '{record.get('from')}' to itself")


def _check_any_reference(kb: KnowledgeBase, record: Record, key: str, ids: dict[str, Record]) -> None:
    target = record.data[key]
    found = ids.get(target) if isinstance(target, str) else None
    if found is None:
        kb.problems.append(f"{record.where(key)}: {key}: unknown record '{target}' (dangling reference)")
    elif found.proposed:
        kb.problems.append(_refers_to_proposal(record, key, found))


def _refers_to_proposal(record: Record, key: str, found: Record) -> str:
    return (
        f"{record.where(key)}: {key}: {found.kind[:-1]} '{found.id}' is only proposed (status: proposed, "
        f"{found.where()}); accept it first (torkham accept {found.id}) or refer to a curated record"
    )


def actor_names(record: Record) -> list[tuple[str, str]]:
    """(name, alias type) pairs of an actor: its canonical name first, then its aliases."""
    names = [(str(record.get("name", "")), "name")]
    for alias in record.list_of("aliases"):
        if isinstance(alias, str):
            names.append((alias, "alias"))
        elif isinstance(alias, dict) and isinstance(alias.get("name"), str):
            names.append((alias["name"], alias.get("type") or "alias"))
    return [(n, t) for n, t in names if n.strip()]


def _check_names(kb: KnowledgeBase) -> None:
    declared: dict[str, set[str]] = {}
    for amb in kb.of("ambiguities"):
        actors = amb.get("actors") or []
        if isinstance(actors, list) and len(set(actors)) < 2:
            kb.problems.append(f"{amb.where('actors')}: ambiguity '{amb.id}' must name at least two actors")
        named = (a for a in amb.list_of("actors") if isinstance(a, str))
        declared.setdefault(normalize(str(amb.get("name", ""))), set()).update(named)
    owners: dict[str, list[tuple[Record, str]]] = {}
    for actor in kb.curated("actors"):  # a proposed candidate may share a name: it is then a corroboration
        seen_here: set[str] = set()
        for name, _ in actor_names(actor):
            key = normalize(name)
            if key and key not in seen_here:
                seen_here.add(key)
                owners.setdefault(key, []).append((actor, name))
    for key, holders in owners.items():
        actor_ids = {a.id for a, _ in holders}
        if len(actor_ids) < 2 or actor_ids <= declared.get(key, set()):
            continue
        covered = declared.get(key, set())  # name the actor the declaration leaves out, when one is declared
        first, first_name = holders[0]
        second, second_name = next((h for h in holders[1:] if h[0].id not in covered), holders[1])
        kb.problems.append(
            f"{second.where('aliases' if 'aliases' in second.data else 'name')}: name '{second_name}' of actor '{second.id}' "
            f"is also a name of actor '{first.id}' ({first.where()}); this is an ambiguity: declare it in "
            f"ambiguities (name: {first_name}, actors: [{', '.join(sorted(actor_ids))}]) or remove one"
        )


def _check_figures(kb: KnowledgeBase) -> None:
    for fig in kb.of("figures"):
        qualifier, value = fig.get("qualifier"), fig.get("value")
        low, high = fig.get("low"), fig.get("high")
        if qualifier == "range" and (low is None or high is None):
            kb.problems.append(f"{fig.where('qualifier')}: figure '{fig.id}' is a range: give low and high")
        if isinstance(low, (int, float)) and isinstance(high, (int, float)) and low > high:
            kb.problems.append(f"{fig.where('low')}: figure '{fig.id}': low {low} is above high {high}")
        if qualifier == "vague" and value is not None:
            kb.problems.append(
                f"{fig.where('value')}: figure '{fig.id}' is vague: set value: null and keep the words in value_text"
            )
        if qualifier != "vague" and value is None and qualifier != "range":
            kb.problems.append(
                f"{fig.where('value')}: figure '{fig.id}' has no value: give the number, or qualifier: vague for an amount in words"
            )


def _find_texts(result: Validation, extra_dirs: list[Path] | None) -> None:
    kb = result.kb
    dirs = text_search_dirs(kb.root, [*(extra_dirs or []), *kb.roots[1:]])
    for source in kb.of("sources"):
        spec = source.get("text")
        if not isinstance(spec, dict) or not isinstance(spec.get("file"), str):
            continue
        text = find_text(spec["file"], dirs)
        if text is None:
            result.notices.append(
                f"quotes of source '{source.id}' not checked: its text {spec['file']} was not found (pass --texts DIR or set TORKHAM_TEXTS)"
            )
            continue
        expected = spec.get("sha256")
        if expected and expected != text.sha256:
            kb.problems.append(
                f"{source.where('text')}: source '{source.id}': {text.path} is not the text the knowledge was encoded from (sha256 {text.sha256[:12]}…, expected {str(expected)[:12]}…)"
            )
            continue
        result.texts[source.id] = text


def _check_quotes(result: Validation) -> None:
    for record in result.kb.records:
        text = result.texts.get(str(record.get("source")))
        if text is None:
            continue
        quote = record.get("quote")
        if isinstance(quote, str) and text.line_of(quote) is None:
            result.kb.problems.append(
                f"{record.where('quote')}: quote of {record.kind[:-1]} '{record.id}' does not occur in {text.path.name}: {_excerpt(quote)}; copy it verbatim from the text"
            )
        for citation in record.list_of("citations"):
            if (
                isinstance(citation, dict)
                and isinstance(citation.get("quote"), str)
                and text.line_of(citation["quote"]) is None
            ):
                result.kb.problems.append(
                    f"{record.where('citations')}: citation quote of source '{record.id}' does not occur in {text.path.name}: {_excerpt(citation['quote'])}"
                )
        if record.kind == "actors":
            for alias in record.list_of("aliases"):
                name = alias if isinstance(alias, str) else alias.get("name") if isinstance(alias, dict) else None
                in_text = alias.get("in_text", True) if isinstance(alias, dict) else True
                if isinstance(name, str) and in_text is not False and not text.mentions(name):
                    result.kb.problems.append(
                        f"{record.where('aliases')}: alias '{name}' of actor '{record.id}' does not occur in {text.path.name}; fix the spelling or mark it in_text: false with a note"
                    )


def _excerpt(quote: str) -> str:
    folded = " ".join(quote.split())
    return f'"{folded[:70]}…"' if len(folded) > 70 else f'"{folded}"'
