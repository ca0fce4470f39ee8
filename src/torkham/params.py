"""What a user types, parsed once into frozen request objects.

Every surface (CLI options, API query parameters, page forms) builds these objects and hands them down;
no layer below parses a typed value again. A bad value raises `InvalidParameter(field, message)`, keyed by
the field's neutral name (`from`, `actor`, `min_fatalities`); each surface spells the field its own way
(`--from` on the command line, `from` in a URL) and the message stays the same sentence.

References to things the store holds (an actor's name, a country, a dataset) are parsed here into refs
that remember the field they came from; the store checks them against what it holds and raises
`InvalidParameter(ref.field, …)` in the same wording."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date
from typing import Literal, TypeVar

from torkham.config import LIMITS
from torkham.errors import TorkhamError
from torkham.model.dates import DateError, PartialDate, parse_partial_date

Role = Literal["first", "last"]  # which day of a partial date a bound stands for
Layer = Literal["kb", "data", "both"]
LAYERS: tuple[Layer, ...] = ("kb", "data", "both")
Grain = Literal["month", "week", "year"]  # the period a series counts by
Metric = Literal["events", "fatalities"]
GRAINS: tuple[Grain, ...] = ("month", "week", "year")
METRICS: tuple[Metric, ...] = ("events", "fatalities")
Basis = Literal["auto", "events", "candidate", "aggregate"]  # what a series may rest on; auto: the best that covers
BASES: tuple[Basis, ...] = ("auto", "events", "candidate", "aggregate")
T = TypeVar("T", bound=str)


class InvalidParameter(TorkhamError):
    """A value the user typed is wrong. `message` may name other fields as `{field}`: each surface
    fills them in with its own spelling (see `render`)."""

    def __init__(self, field: str, message: str):
        self.field = field
        self.message = message
        super().__init__(self.render(str))

    def render(self, spell: Callable[[str], str]) -> str:
        """`<field>: <message>` with every field spelled by `spell` (e.g. `lambda f: "--" + f`); the message
        alone when the field has no name (a command's argument)."""
        sentence = self.sentence(spell)
        return f"{spell(self.field)}: {sentence}" if self.field else sentence

    def sentence(self, spell: Callable[[str], str]) -> str:
        try:
            return self.message.format_map(_Spelled(spell))
        except (ValueError, IndexError, AttributeError):  # a brace the message's author forgot to escape
            return self.message


class _Spelled(dict[str, str]):
    def __init__(self, spell: Callable[[str], str]):
        super().__init__()
        self.spell = spell

    def __missing__(self, key: str) -> str:
        return self.spell(key)


def literal(text: object) -> str:
    """A typed value quoted into a message: braces doubled so that rendering keeps them."""
    return str(text).replace("{", "{{").replace("}", "}}")


def cli_spelling(name: str) -> str:
    return "--" + name.replace("_", "-") if name else name


def parse_day(text: str | None, field: str, role: Role) -> date | None:
    """The first or last day of a partial date (YYYY, YYYY-MM, YYYY-MM-DD) the user typed."""
    partial = parse_partial(text, field)
    if partial is None:
        return None
    return partial.first_day if role == "first" else partial.last_day


def parse_partial(text: str | None, field: str) -> PartialDate | None:
    if text is None or not text.strip():
        return None
    try:
        return parse_partial_date(text.strip())
    except DateError as exc:
        raise InvalidParameter(field, literal(exc)) from None


@dataclass(frozen=True)
class Period:
    """Days from `start` to `end`, both included; either end may be open. A partial date bounding the
    start stands for its first day, one bounding the end for its last: `2021`–`2021` is the whole year."""

    start: date | None = None
    end: date | None = None
    typed: tuple[str | None, str | None] = (None, None)

    @classmethod
    def parse(cls, start: str | None, end: str | None, fields: tuple[str, str] = ("from", "to")) -> Period:
        first, last = parse_day(start, fields[0], "first"), parse_day(end, fields[1], "last")
        return cls(first, last, (start, end)).check_order(fields)

    def check_order(self, fields: tuple[str, str] = ("from", "to")) -> Period:
        """This period, or an error when it ends before it starts (shown as the user typed the bounds)."""
        if self.start is not None and self.end is not None and self.start > self.end:
            typed = [str(t).strip() if t else str(d) for t, d in zip(self.typed, (self.start, self.end), strict=True)]
            raise InvalidParameter(
                fields[0], f"{literal(typed[0])} is after {{{fields[1]}}} {literal(typed[1])}; swap them"
            )
        return self


def check_text(value: str | None, field: str, limit: int = LIMITS.max_text) -> str | None:
    """Free text: None when empty, an error when longer than `limit` characters."""
    if value is None or value == "":
        return None
    if len(value) > limit:
        raise InvalidParameter(field, f"{len(value)} characters is too long; use at most {limit}")
    return value


def check_int(value: int | str | None, field: str) -> int | None:
    """A whole number, or None when not given."""
    if value is None or value == "":
        return None
    try:
        return int(value)
    except (TypeError, ValueError):
        raise InvalidParameter(field, f"'{literal(value)}' is not a whole number") from None


def check_count(value: int | str | None, field: str, least: int = 0, too: str = "too small") -> int | None:
    """A whole number of at least `least` (below it: "<n> is <too>; use <least> or more"), or None."""
    number = check_int(value, field)
    if number is None:
        return None
    if number < least:
        wording = "negative" if least == 0 and number < 0 else too
        raise InvalidParameter(field, f"{number} is {wording}; use {least} or more")
    return number


def check_choice(value: str, choices: Iterable[T], field: str) -> T:
    known = list(choices)
    for choice in known:
        if choice == value:
            return choice
    raise InvalidParameter(field, f"unknown value '{literal(value)}'; choose one of: {', '.join(known)}")


def check_term(section: str, value: str | None, field: str) -> str | None:
    """A term of the vocabulary (actor kind, claim topic, relation type …), or None when not given."""
    if value is None:
        return None
    from torkham.model.vocabulary import default_vocabulary

    return check_choice(value, default_vocabulary()[section], field)


@dataclass(frozen=True)
class ActorRef:
    """An actor as the user named it (any name, alias, spelling or id); the store resolves it."""

    name: str
    field: str = "actor"

    @classmethod
    def parse(cls, text: str | None, field: str = "actor") -> ActorRef | None:
        name = _name(text, field)
        return cls(name, field) if name else None


@dataclass(frozen=True)
class DatasetRef:
    """A dataset id (ucdp-ged, acled, gdelt …) as typed; the store checks it holds events of it."""

    name: str
    field: str = "dataset"

    @classmethod
    def parse(cls, text: str | None, field: str = "dataset") -> DatasetRef | None:
        name = _name(text, field)
        return cls(name, field) if name else None


@dataclass(frozen=True)
class CountryRef:
    """A country as typed — a name, an ISO3 code or a spelling a dataset uses — with the ISO3 code and
    every spelling of the countries table (`model/countries.yaml`) when the table knows it. One rule
    decides whether a row's (country, iso3) is this country: `matches`."""

    typed: str
    iso3: str | None = None
    spellings: frozenset[str] = frozenset()  # case-folded names and codes that denote it
    field: str = "country"

    @classmethod
    def parse(cls, text: str | None, field: str = "country") -> CountryRef | None:
        typed = _name(text, field)
        if not typed:
            return None
        from torkham.model.countries import find_country

        known = find_country(typed)
        if known is None:
            return cls(typed, None, frozenset({typed.casefold()}), field)
        return cls(typed, known.iso3, known.spellings, field)

    @classmethod
    def parse_list(cls, text: str | None, field: str = "country") -> tuple[CountryRef, ...]:
        """Comma-separated countries the countries table knows (a list filters data: a misspelt name must
        not silently match nothing)."""
        from torkham.model.countries import countries

        refs: list[CountryRef] = []
        for part in (text or "").split(","):
            if text is not None and not part.strip():
                raise InvalidParameter(field, "an empty name; write e.g. Afghanistan,Pakistan")
            ref = cls.parse(part, field)
            if ref is None:
                continue
            if ref.iso3 is None:
                known = ", ".join(sorted({c.name for c in countries().values()}))
                raise InvalidParameter(
                    field, f"unknown country '{literal(ref.typed)}'; known: {known} (model/countries.yaml lists them)"
                )
            refs.append(ref)
        return tuple(refs)

    def matches(self, name: str | None, iso3: str | None) -> bool:
        return bool(
            (iso3 and iso3.casefold() in self.spellings) or (name and name.strip().casefold() in self.spellings)
        )


@dataclass(frozen=True)
class EventQuery:
    """Which events to list: one filter for both layers (the paper's events and the datasets')."""

    layer: Layer = "both"
    actor: ActorRef | None = None
    event_type: str | None = None
    country: CountryRef | None = None
    admin1: str | None = None
    dataset: DatasetRef | None = None
    period: Period = field(default_factory=Period)
    text: str | None = None  # words in title, place, quote (knowledge) or place and actor names (datasets)
    min_fatalities: int | None = None  # dataset events with at least this many deaths (best estimate)

    @classmethod
    def parse(
        cls, *, layer: str | None = "both", actor: str | None = None, event_type: str | None = None,
        country: str | None = None, admin1: str | None = None, dataset: str | None = None,
        start: str | None = None, end: str | None = None, q: str | None = None,
        min_fatalities: int | str | None = None,
    ) -> EventQuery:  # fmt: skip
        """From typed values; fields are named as the API spells them (layer, actor, type, country, admin1,
        dataset, from, to, q, min_fatalities)."""
        chosen = check_choice(layer or "both", LAYERS, "layer")
        return cls(
            layer=chosen, actor=ActorRef.parse(actor), event_type=check_text(event_type, "type"),
            country=CountryRef.parse(country), admin1=check_text(admin1, "admin1"),
            dataset=DatasetRef.parse(dataset), period=Period.parse(start, end), text=check_text(q, "q"),
            min_fatalities=check_count(min_fatalities, "min_fatalities"),
        )  # fmt: skip


@dataclass(frozen=True)
class DataSelection:
    """Which data an analysis reads: one dataset, or the datasets of one family held (narrowed to one
    basis), an actor (with its factions), a country."""

    dataset: DatasetRef | None = None
    actor: ActorRef | None = None
    country: CountryRef | None = None
    basis: Basis = "auto"
    with_factions: bool = False

    @classmethod
    def parse(
        cls, dataset: str | None = None, actor: str | None = None, country: str | None = None,
        basis: str | None = None, with_factions: bool = False,
    ) -> DataSelection:  # fmt: skip
        chosen = check_choice(basis or "auto", BASES, "basis")
        actor_ref = ActorRef.parse(actor)
        if with_factions and actor_ref is None:
            raise InvalidParameter("with_factions", "counts an actor's factions with it; name the actor with {actor}")
        return cls(DatasetRef.parse(dataset), actor_ref, CountryRef.parse(country), chosen, with_factions)


@dataclass(frozen=True)
class SeriesQuery:
    selection: DataSelection = field(default_factory=DataSelection)
    by: Grain = "month"
    metric: Metric = "events"
    period: Period = field(default_factory=Period)
    window: int = 3

    @classmethod
    def parse(
        cls, selection: DataSelection, *, by: str = "month", metric: str = "events", start: str | None = None,
        end: str | None = None, window: int | str = 3,
    ) -> SeriesQuery:  # fmt: skip
        grain = check_choice(by, GRAINS, "by")
        chosen = check_choice(metric, METRICS, "metric")
        span = _required(check_int(window, "window"), "window")
        if span < 1:
            raise InvalidParameter("window", f"{span} periods is too few; use 1 or more (1: no smoothing)")
        return cls(selection, grain, chosen, Period.parse(start, end), span)


@dataclass(frozen=True)
class SignalsQuery:
    selection: DataSelection = field(default_factory=DataSelection)
    as_of: date | None = None  # last day of "this period"; None: the last event date held
    min_events: int = 5
    record_months: int = 12
    gap_days: int = 365

    @classmethod
    def parse(
        cls, selection: DataSelection, *, as_of: str | None = None, min_events: int | str = 5,
        record_months: int | str = 12, gap_days: int | str = 365,
    ) -> SignalsQuery:  # fmt: skip
        return cls(
            selection, parse_day(as_of, "as_of", "last"), _required(check_count(min_events, "min_events"), "min_events"),
            _required(check_count(record_months, "record_months", least=2, too="too few"), "record_months"),
            _required(check_count(gap_days, "gap_days", least=1, too="too short"), "gap_days"),
        )  # fmt: skip


@dataclass(frozen=True)
class CheckQuery:
    """Which claim checks to run: ids as typed (all when empty)."""

    ids: tuple[str, ...] = ()

    @classmethod
    def parse(cls, ids: Iterable[str] | None) -> CheckQuery:
        return cls(tuple(dict.fromkeys(i.strip() for i in ids or () if i.strip())))


def _name(text: str | None, field: str) -> str | None:
    """A name as typed, trimmed; None when blank."""
    return check_text(text.strip() if text else None, field)


def _required(value: int | None, field: str) -> int:
    if value is None:
        raise InvalidParameter(field, "give a whole number")
    return value


FORECAST_MAX_HORIZON = 36  # months ahead a forecast may reach
FORECAST_SAMPLES = (100, 10_000)  # draws per distribution: at least, at most


@dataclass(frozen=True)
class ForecastQuery:
    """A forecast of monthly fatalities: countries (or one actor's events in them), months ahead, the origin
    (the last month the forecast may see; None: the last month the data covers), draws, seed, model."""

    countries: tuple[CountryRef, ...] = ()
    actor: ActorRef | None = None
    horizon: int = 12
    origin: date | None = None  # the first day of the origin month
    samples: int = 1000
    seed: int = 12
    model: str = "auto"  # auto: the model the backtest chose; or a model or baseline by name

    @classmethod
    def parse(
        cls, countries: str | None, *, actor: str | None = None, horizon: int | str = 12, origin: str | None = None,
        samples: int | str = 1000, seed: int | str = 12, model: str | None = None,
    ) -> ForecastQuery:  # fmt: skip
        refs = CountryRef.parse_list(countries)
        if not refs:
            raise InvalidParameter("country", "give one or more countries, e.g. Afghanistan,Pakistan")
        ahead = _required(check_int(horizon, "horizon"), "horizon")
        if not 1 <= ahead <= FORECAST_MAX_HORIZON:
            raise InvalidParameter("horizon", f"{ahead} months is out of range; use 1 to {FORECAST_MAX_HORIZON}")
        least, most = FORECAST_SAMPLES
        draws = _required(check_int(samples, "samples"), "samples")
        if not least <= draws <= most:
            raise InvalidParameter("samples", f"{draws} draws is out of range; use {least} to {most}")
        return cls(
            refs, ActorRef.parse(actor), ahead, parse_month(origin, "origin"), draws,
            _required(check_count(seed, "seed"), "seed"), (model or "auto").strip() or "auto",
        )  # fmt: skip


def parse_month(text: str | None, field: str) -> date | None:
    """The first day of a month typed as YYYY-MM; None when not given."""
    import re

    if text is None or not text.strip():
        return None
    found = re.fullmatch(r"(\d{4})-(\d{2})", text.strip())
    if not found or not 1 <= int(found.group(2)) <= 12:
        raise InvalidParameter(field, f"'{literal(text)}' is not a month; write YYYY-MM, e.g. 2023-04")
    return date(int(found.group(1)), int(found.group(2)), 1)


REFUGEE_YEARS = (1951, 2100)  # UNHCR's statistics start in 1951


def parse_iso3(text: str | None, field: str) -> str | None:
    """A country as an ISO3 code: a three-letter code as typed (upper-cased), or a name the countries table
    knows; None when not given. Whether anything is held for it is the store's question."""
    typed = _name(text, field)
    if not typed:
        return None
    from torkham.model.countries import find_country

    known = find_country(typed)
    if known is not None:
        return known.iso3
    if len(typed) == 3 and typed.isalpha() and typed.isascii():
        return typed.upper()
    raise InvalidParameter(
        field, f"'{literal(typed)}' is neither an ISO3 country code nor a country name torkham knows; use e.g. AFG, "
        "PAK or IRN"
    )  # fmt: skip


def parse_year(value: int | str | None, field: str) -> int | None:
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    text = str(value).strip()
    first, last = REFUGEE_YEARS
    if not text.isdigit() or not first <= int(text) <= last:
        raise InvalidParameter(field, f"'{literal(text)}' is not a year; write YYYY from {first}, e.g. 2015")
    return int(text)


@dataclass(frozen=True)
class RefugeeQuery:
    """UNHCR figures asked for: the country of origin and countries of asylum (ISO3; empty: all), and the
    years from `first` to `last` (None: the years held)."""

    origin: str | None = None
    asylum: tuple[str, ...] = ()
    first: int | None = None
    last: int | None = None

    @classmethod
    def parse(
        cls, origin: str | None, asylum: str | None, first: int | str | None = None, last: int | str | None = None
    ) -> RefugeeQuery:
        codes = [parse_iso3(part, "asylum") for part in (asylum or "").split(",")] if asylum else []
        if asylum is not None and asylum.strip() and None in codes:
            raise InvalidParameter("asylum", "an empty name; write e.g. PAK,IRN")
        start, end = parse_year(first, "from"), parse_year(last, "to")
        if start is not None and end is not None and start > end:
            raise InvalidParameter("from", f"{start} is after {{to}} {end}; swap them")
        chosen = tuple(dict.fromkeys(c for c in codes if c))
        return cls(parse_iso3(origin, "origin"), chosen, start, end)


@dataclass(frozen=True)
class SummaryQuery:
    """A situation summary: one country and a range of whole months (first day of `start`, last of `end`)."""

    country: CountryRef
    start: date
    end: date

    @classmethod
    def parse(cls, country: str | None, start: str | None, end: str | None) -> SummaryQuery:
        refs = CountryRef.parse_list(country)
        if len(refs) != 1:
            raise InvalidParameter("country", "give one country, e.g. Pakistan")
        first, last = parse_month(start, "from"), parse_month(end, "to")
        if first is None:
            raise InvalidParameter("from", "give the first month, YYYY-MM, e.g. 2023-01")
        if last is None:
            raise InvalidParameter("to", "give the last month, YYYY-MM, e.g. 2023-12")
        if first > last:
            raise InvalidParameter("from", f"{start} is after {{to}} {end}; swap them")
        following = date(last.year + last.month // 12, last.month % 12 + 1, 1)
        return cls(refs[0], first, date.fromordinal(following.toordinal() - 1))


Engine = Literal["duckdb", "spark"]  # what runs an analysis's Ibis expressions
ENGINES: tuple[Engine, ...] = ("duckdb", "spark")
_MASTER = re.compile(r"local(\[(\d+|\*)(,\d+)?\])?|(spark|k8s|mesos)://\S+|yarn")


@dataclass(frozen=True)
class BackendChoice:
    """Where an analysis runs: DuckDB over the store (the default), or over the Parquet folder (or URI)
    'torkham export parquet' wrote (`events`); Spark over that folder, on `master` (None: the one
    spark-submit or the Spark configuration names)."""

    engine: Engine = "duckdb"
    master: str | None = None
    events: str | None = None

    @classmethod
    def parse(cls, backend: str | None = None, master: str | None = None, events: str | None = None) -> BackendChoice:
        engine = check_choice(backend or "duckdb", ENGINES, "backend")
        where, folder = check_text(master, "master"), check_text(events, "events")
        if where is not None and engine != "spark":
            raise InvalidParameter("master", "names where Spark runs; add {backend} spark")
        if where is not None and not _MASTER.fullmatch(where):
            raise InvalidParameter(
                "master",
                f"'{literal(where)}' is not a Spark master; use local[N], spark://HOST:PORT, yarn or k8s://URL",
            )
        if engine == "spark" and folder is None:
            raise InvalidParameter(
                "events", "Spark reads the events from Parquet: give the folder 'torkham export parquet DIR' wrote"
            )
        return cls(engine, where, folder)


_SIZE = re.compile(r"(\d+(?:\.\d+)?)\s*(B|KB|MB|GB|TB|KiB|MiB|GiB|TiB)", re.IGNORECASE)
_SIZE_UNITS = {"b": 1, "kb": 10**3, "mb": 10**6, "gb": 10**9, "tb": 10**12,
               "kib": 2**10, "mib": 2**20, "gib": 2**30, "tib": 2**40}  # fmt: skip


@dataclass(frozen=True)
class MemorySize:
    """An amount of memory, e.g. what an import may hold (`--memory-limit 1GB`): units as DuckDB reads them
    (KB, MB, GB, TB in powers of 1000; KiB, MiB, GiB, TiB in powers of 1024)."""

    bytes: int
    text: str  # as written, for messages

    @classmethod
    def parse(cls, text: str, field: str = "memory_limit") -> MemorySize:
        found = _SIZE.fullmatch(text.strip())
        if not found:
            raise InvalidParameter(
                field, f"'{literal(text)}' is not an amount of memory; write a number and a unit, such as 1GB or 512MB"
            )
        size = int(float(found.group(1)) * _SIZE_UNITS[found.group(2).lower()])
        if size <= 0:
            raise InvalidParameter(field, f"{literal(text.strip())} is no memory at all; allow some, such as 1GB")
        return cls(size, text.strip())

    def __str__(self) -> str:
        return self.text
