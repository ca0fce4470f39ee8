"""The map: projection, simplification, clipping, path data; the bundled boundaries and the admin-1
crosswalk (checked when it loads, errors with file:line); the choropleth SVG."""

from __future__ import annotations

import math
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from torkham.errors import TorkhamError
from torkham.geo.admin1 import CROSSWALK_FILE, load_crosswalk, place
from torkham.geo.boundaries import BOUNDARIES
from torkham.web.render.geometry import clip_ring, path_data, projection_for, simplify
from torkham.web.render.mapsvg import CLASS_COLOURS, NO_EVENTS, base_map, classes, colour_for, draw_map

SVG = "{http://www.w3.org/2000/svg}"
UCDP_NAMES = {
    "Federally Administered Tribal Areas": 3378, "Khyber Pakhtunkwa province": 1363, "Balochistan province": 692,
    "Sindh province": 395, "Azad Jammu & Kashmir": 345, "Punjab province": 173, None: 45, "Gilgit-Baltistan": 13,
    "Islamabad Capital territory": 12,
}  # fmt: skip


def test_projection_keeps_proportions_at_the_middle_latitude():
    projection = projection_for((60.0, 20.0, 80.0, 40.0), 1000, pad=0)
    assert projection.xy(60.0, 40.0) == (0, 0)
    x, y = projection.xy(80.0, 20.0)
    assert x == pytest.approx(1000)
    # one degree of longitude at 30°N is cos(30°) of a degree of latitude
    assert y / x == pytest.approx(20 / (20 * math.cos(math.radians(30))))
    assert projection.height == pytest.approx(y, abs=0.1)


def test_simplify_drops_points_near_the_line_and_keeps_ends():
    points = [(0, 0), (1, 0.1), (2, -0.1), (3, 5), (4, 0), (5, 0)]
    assert simplify(points, 0.5) == [(0, 0), (2, -0.1), (3, 5), (4, 0), (5, 0)]
    assert simplify(points, 10) == [(0, 0), (5, 0)]


def test_clip_ring_to_a_rectangle():
    square = [(-5, -5), (5, -5), (5, 5), (-5, 5)]
    clipped = clip_ring(square, (0, 0, 10, 10))
    assert sorted(set(clipped)) == [(0, 0), (0, 5), (5, 0), (5, 5)]
    assert clip_ring([(20, 20), (30, 20), (30, 30)], (0, 0, 10, 10)) == []


def test_path_data_is_relative_on_whole_units():
    assert path_data([[(10.2, 20.4), (12.6, 20.4), (12.6, 18.1), (10.2, 20.4)]]) == "M10 20l3 0 0-2z"
    assert path_data([[(1, 1), (1.2, 1.1), (1.3, 0.9)]]) == ""  # collapses to one point: dropped


def test_bundled_crosswalk_places_every_bundled_ucdp_name():
    crosswalk = load_crosswalk()
    assert list(crosswalk.sets) == ["with-fata", "current"]
    placement = place(crosswalk, crosswalk.sets["with-fata"], UCDP_NAMES)
    assert placement.counts["PK-TA"] == 3378 and placement.counts["PK-KP"] == 1363
    assert placement.not_given == 45 and placement.not_on_map == {}
    assert placement.total == 6416
    # the current provinces fold FATA into Khyber Pakhtunkhwa, and say which names were counted there
    current = place(crosswalk, crosswalk.sets["current"], UCDP_NAMES)
    assert current.counts["PK-KP"] == 3378 + 1363 and "PK-TA" not in current.counts
    assert current.names["PK-KP"] == ["Federally Administered Tribal Areas", "Khyber Pakhtunkwa province"]


def test_acled_and_gdelt_spellings_and_unknown_names():
    crosswalk = load_crosswalk()
    for name, code in [("Khyber Pakhtunkhwa", "PK-KP"), ("Balochistan", "PK-BA"), ("Nangarhar", "AF-NAN"),
                       ("Kunar", "AF-KNR"), ("Paktika", "AF-PKA"), ("Khost", "AF-KHO"), ("North-West Frontier", "PK-KP"),
                       ("URŌZGĀN", "AF-URU"), ("islamabad capital territory", "PK-IS")]:  # fmt: skip
        assert crosswalk.code_for(name) == code, name
    placement = place(crosswalk, crosswalk.default_set(), {"Atlantis": 3, "Sindh": 2, None: 1})
    assert placement.not_on_map == {"Atlantis": 3} and placement.counts == {"PK-SD": 2} and placement.not_given == 1


def _crosswalk_copy(tmp_path: Path, old: str, new: str) -> Path:
    path = tmp_path / "admin1.yaml"
    text = CROSSWALK_FILE.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return path


def _line_of(path: Path, text: str) -> int:
    return next(i for i, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if text in line)


def test_crosswalk_name_listed_twice_is_an_error_with_file_and_line(tmp_path):
    path = _crosswalk_copy(tmp_path, "PK-PB: [Punjab province, Punjab]", "PK-PB: [Punjab province, Punjab, SINDH]")
    with pytest.raises(TorkhamError) as caught:
        load_crosswalk(path)
    line = _line_of(path, "PK-PB:")
    assert str(caught.value) == (
        f"{path}:{line}: PK-PB: 'SINDH' is listed under PK-SD too (names are compared without case, diacritics "
        "or punctuation as 'sindh'); keep one"
    )


def test_crosswalk_code_without_a_boundary_feature_is_an_error(tmp_path):
    path = _crosswalk_copy(tmp_path, "  PK-SD: [Sindh province, Sindh]", "  PK-XX: [Sindh province, Sindh]")
    with pytest.raises(TorkhamError) as caught:
        load_crosswalk(path)
    assert str(caught.value) == (
        f"{path}:{_line_of(path, 'PK-XX')}: PK-XX: no feature of the boundary files has this code; "
        "see boundaries/README.md"
    )


def test_crosswalk_unmerged_unit_and_missing_file_are_errors(tmp_path):
    path = _crosswalk_copy(tmp_path, "    merged: {PK-TA: PK-KP}\n", "")
    with pytest.raises(TorkhamError, match=r"admin1.yaml:\d+: boundaries current: PK-TA is neither drawn by its files"):
        load_crosswalk(path)
    path = _crosswalk_copy(
        tmp_path, "files: [afg_adm1.geojson, pak_adm1.geojson]", "files: [afg_adm1.geojson, nope.json]"
    )
    with pytest.raises(TorkhamError) as caught:
        load_crosswalk(path)
    assert (
        str(caught.value)
        == f"{path}:{_line_of(path, 'nope.json')}: boundaries current: no file nope.json in {BOUNDARIES}"
    )


def test_crosswalk_syntax_error_names_the_line(tmp_path):
    path = _crosswalk_copy(tmp_path, "  PK-SD: [Sindh province, Sindh]", "  PK-SD: [Sindh province, Sindh")
    with pytest.raises(TorkhamError, match=rf"^{path}:\d+: malformed YAML"):
        load_crosswalk(path)


def test_crosswalk_names_must_be_a_list(tmp_path):
    path = _crosswalk_copy(tmp_path, "PK-SD: [Sindh province, Sindh]", "PK-SD: Sindh")
    with pytest.raises(TorkhamError) as caught:
        load_crosswalk(path)
    assert str(caught.value) == (
        f"{path}:{_line_of(path, 'PK-SD')}: PK-SD: expected a non-empty list of names, e.g. [Sindh province, Sindh]"
    )


def test_boundary_file_that_is_not_json_names_file_and_line(tmp_path):
    from torkham.geo.boundaries import load_features

    folder = tmp_path / "b"
    folder.mkdir()
    (folder / "x.geojson").write_text('{"type": "FeatureCollection",\n "features": [,]}', encoding="utf-8")
    with pytest.raises(TorkhamError, match=rf"^{folder / 'x.geojson'}:2: not valid GeoJSON"):
        load_features("x.geojson", folder)
    shutil.rmtree(folder)


def test_the_crosswalk_checks_codes_read_without_the_outlines_and_names_a_bad_file(tmp_path):
    from torkham.geo.boundaries import feature_codes, load_features

    for name in ("afg_adm1.geojson", "pak_adm1.geojson", "pak_adm1_osm2020_with_fata.geojson"):
        assert feature_codes(name) == {f.code for f in load_features(name) if f.code} != set()
    folder = tmp_path / "codes"
    folder.mkdir()
    (folder / "x.geojson").write_text('{"type": "FeatureCollection",\n "features": [,]}', encoding="utf-8")
    with pytest.raises(TorkhamError, match=rf"^{folder / 'x.geojson'}:2: not valid GeoJSON"):
        feature_codes("x.geojson", folder)
    with pytest.raises(TorkhamError, match=r"y\.geojson: boundary file missing"):
        feature_codes("y.geojson", folder)


def test_classes_on_a_log_scale_and_colours():
    assert classes(3378) == [(1, 4), (5, 19), (20, 49), (50, 199), (200, 999), (1000, None)]
    assert classes(1) == [(1, None)]
    assert classes(0) == []
    bounds = classes(3378)
    assert colour_for(0, bounds) == NO_EVENTS
    assert colour_for(3378, bounds) == CLASS_COLOURS[-1]
    assert colour_for(12, bounds) == CLASS_COLOURS[1]
    assert colour_for(1, classes(1)) == CLASS_COLOURS[-1]  # few classes take the darkest colours


def test_map_svg_is_small_well_formed_and_every_province_a_titled_link():
    crosswalk = load_crosswalk()
    boundary_set = crosswalk.sets["with-fata"]
    placement = place(crosswalk, boundary_set, UCDP_NAMES)
    points = [(71.5, 34.0, 40), (71.52, 33.99, 2), (67.0, 24.86, 5), (10.0, 50.0, 3)]  # the last is off the map
    drawing = draw_map(base_map("with-fata"), boundary_set, placement, lambda c: f"/map?admin1={c}#events", points,
                       selected="PK-SD")  # fmt: skip
    text = str(drawing.svg)
    assert len(text.encode()) < 300_000
    root = ET.fromstring(text)
    links = list(root.iter(f"{SVG}a"))
    assert len(links) == 34 + 8  # Afghan provinces and Pakistan's units with FATA
    by_code = {a.get("data-code"): a for a in links}
    assert by_code["PK-TA"].find(f"{SVG}title").text == "Federally Administered Tribal Areas: 3,378 events"
    assert by_code["AF-KAB"].find(f"{SVG}title").text == "Kabul: 0 events"
    assert by_code["PK-SD"].get("href") == "/map?admin1=PK-SD#events"
    assert by_code["PK-SD"].get("aria-current") == "true"
    assert drawing.points_drawn == 47 and drawing.points_outside == 3
    (dots,) = [g.find(f"{SVG}path") for g in root.iter(f"{SVG}g") if g.get("class") == "points"]
    assert dots.get("d").count("M") == 2  # two nearby locations drawn as one dot, each dot one subpath
    assert drawing.rows[0] == {"code": "PK-TA", "name": "Federally Administered Tribal Areas", "count": 3378,
                               "names": ["Federally Administered Tribal Areas"], "href": "/map?admin1=PK-TA#events"}  # fmt: skip


def test_current_boundaries_draw_seven_pakistani_units():
    crosswalk = load_crosswalk()
    codes = [s.code for s in base_map("current").provinces]
    assert len(codes) == 34 + 7 and "PK-TA" not in codes
    assert base_map("current") is base_map("current")  # computed once per process
    drawing = draw_map(base_map("current"), crosswalk.sets["current"],
                       place(crosswalk, crosswalk.sets["current"], UCDP_NAMES), lambda c: "#")  # fmt: skip
    assert len(str(drawing.svg).encode()) < 300_000
