"""The overview's comparisons: Afghanistan and Pakistan side by side (deaths per month on one scale, or
each on its own) and, per country, deaths per month stacked by dyad (the top few and "other"), with the
months no data covers hatched. Series are computed once (cached with the overview); charts per request."""

from __future__ import annotations

BY_DYAD_FROM = "2018-01"  # the stacked deaths by dyad: from here to the end of the country charts' range
TOP_DYADS = 5
MIN_COVERED_MONTHS = 12  # a country whose event data covers fewer months of the range gets a sentence, not a chart


def country_series(con) -> list:
    """Deaths per month per country, 2021-08 to 2024-04, each month with what it rests on (final events,
    country totals, preliminary candidate events); None where no data covers it."""
    from torkham.briefing.coverage import OVERVIEW_END, OVERVIEW_START, fatalities_by_country

    return list(fatalities_by_country(con, OVERVIEW_START, OVERVIEW_END))


def country_charts(series: list, same_scale: bool) -> list[dict]:
    """The countries' charts side by side: on one y scale (the largest month of either) or each on its own."""
    from torkham.briefing.coverage import BASIS_LABELS, OVERVIEW_END, OVERVIEW_START
    from torkham.web.render.charts import basis_chart

    largest = max((v for found in series for v in found.values if v is not None), default=0)
    out = []
    for found in series:
        slug = found.country.lower()
        notes = [*found.notes, "Same scale as the other country: compare heights." if same_scale else
                 "Each country on its own scale: compare shapes, not heights."]  # fmt: skip
        chart = basis_chart(
            f"fatalities-{slug}", f"{found.country}: deaths per month, {OVERVIEW_START:%Y-%m} to {OVERVIEW_END:%Y-%m}",
            "deaths (best estimate)", found.source, found.periods, found.values, found.bases, BASIS_LABELS,
            source_href="/sources#datasets", notes=notes, scale_to=largest if same_scale else None,
        )  # fmt: skip
        out.append({"country": found.country, "chart": chart, "by_basis": found.by_basis, "unknown": found.unknown,
                    "api": f"/api/v1/series?country={found.country}&by=month&metric=fatalities"
                           f"&from={OVERVIEW_START:%Y-%m}&to={OVERVIEW_END:%Y-%m}&window=1"})  # fmt: skip
    return out


def by_dyad(con) -> list[dict]:
    """Stacked deaths per month by dyad for each country whose event data covers enough of the range; a
    sentence for the others."""
    from torkham.analysis.breakdown import deaths_by_dyad
    from torkham.analysis.selection import connect_ibis
    from torkham.briefing.coverage import COUNTRIES, OVERVIEW_END
    from torkham.errors import TorkhamError
    from torkham.params import CountryRef, parse_day
    from torkham.web.render.multiples import stacked_chart

    first = parse_day(BY_DYAD_FROM, "from", "first")
    assert first is not None  # a constant
    out: list[dict] = []
    for country in COUNTRIES:
        ref = CountryRef.parse(country)
        assert ref is not None  # a constant name
        try:
            found = deaths_by_dyad(connect_ibis(con), ref, first, OVERVIEW_END, TOP_DYADS)
        except TorkhamError:  # no event data held
            continue
        covered = len(found.periods) - len(found.unknown)
        if covered < MIN_COVERED_MONTHS or not found.layers:
            out.append({"country": country, "chart": None, "sentence": f"{country}: the event data held covers "
                        f"{covered} of these {len(found.periods)} months ({'; '.join(found.notes)}): too few to "
                        "split by dyad."})  # fmt: skip
            continue
        chart = stacked_chart(
            f"dyads-{country.lower()}", f"{country}: deaths per month by dyad, {found.periods[0]} to {found.periods[-1]}",
            "deaths (best estimate)", found.source_line, found.periods, found.layers, source_href="/sources#datasets",
            notes=[f"The {TOP_DYADS} dyads with most deaths over the range, then all others as 'other'. A dyad is "
                   "the two sides UCDP names for an event (one-sided violence: the perpetrator – Civilians); each "
                   "event counts once.", *found.notes],
        )  # fmt: skip
        out.append({"country": country, "chart": chart, "unknown": found.unknown})
    return out
