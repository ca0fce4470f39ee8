"""Bylines in the forms news sites and blogs write them — a label with a colon, a date after the name, a name
in capitals, a bar before the outlet — and a role named by its relation ('his counterpart'); on lines
written for these tests."""

from __future__ import annotations

from actor_support import aliases, candidates


def test_a_byline_label_with_a_colon_or_a_date_after_the_name():
    found = candidates(
        "Author: Farida Mohmand\nPosted by Tariq Swati on 4 June 2024\nWritten by: Noreen Achakzai\n\n"
        "The crossing reopened on Monday."
    )
    assert found["Farida Mohmand"].notes == ["a byline: 'Author: Farida Mohmand'"]
    assert found["Tariq Swati"].notes == ["a byline: 'Posted by Tariq Swati on 4 June 2024'"]
    assert found["Noreen Achakzai"].record["kind"] == "person"


def test_a_byline_in_capitals_gives_the_name_in_title_case_and_keeps_the_written_form():
    found = candidates("By ZAHID SHERPAO\n\nThe crossing reopened on Monday.")
    assert aliases(found["Zahid Sherpao"]) == ["ZAHID SHERPAO"]


def test_a_name_before_a_bar_and_an_outlet_or_a_date_is_a_byline():
    found = candidates("Kamila Durrani | VOA News\nAsif Orakzai | May 3, 2024\n\nThe crossing reopened on Monday.")
    assert found["Kamila Durrani"].notes == ["a byline: 'Kamila Durrani | VOA News'"]
    assert "Asif Orakzai" in found


def test_a_label_before_a_bar_is_no_byline():
    found = candidates("Border Crossings | May 3, 2024\n\nThe crossing reopened on Monday.")
    assert "Border Crossings" not in found


def test_the_person_after_a_counterpart_is_a_person():
    found = candidates("The minister met his Afghan counterpart Wakil Ahmad Sherzai in Kabul.")
    assert found["Wakil Ahmad Sherzai"].notes == ["a title before it: 'Afghan counterpart'"]
