"""The shared page checks run on the About page, which every install has."""

from a11y import check_page


def test_about_page_passes_axe_and_fits_a_phone(page):
    check_page(page, "/about", "about")
