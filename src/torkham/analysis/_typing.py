"""Type aliases shared by the analysis and evidence modules. Ibis is imported for type checking only
(importing it at run time is slow), so import `Table` under `if TYPE_CHECKING:`."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, TypeAlias

Record: TypeAlias = dict[str, Any]  # a JSON-like record: the store's exports, evidence, to_json() output

if TYPE_CHECKING:
    # ibis ships no py.typed marker, so mypy reads it as Any; the name still says what a value is.
    import ibis

    Table: TypeAlias = ibis.Table  # an Ibis table expression
