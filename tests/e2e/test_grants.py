"""Grant calls in a browser: axe-core at 1280 and 320 px on the section
(with filters, empty, archive, Finnish), a call page, the help form and its
error state."""

from __future__ import annotations

import pytest

from tests.e2e.helpers import assert_no_axe_violations, check_pages

pytestmark = [pytest.mark.e2e]


@pytest.fixture
def grants_site(live_site):
    from coordinator.grants.demo import seed_grants

    seed_grants()
    return live_site


def test_grant_pages_are_accessible(page, grants_site):
    check_pages(
        page,
        grants_site,
        [
            ("grants", "/bidrag/", 200),
            (
                "filtered",
                "/bidrag/?verksamhet=kultur&malgrupp=alla&belopp=2000-10000",
                200,
            ),
            ("empty filter", "/bidrag/?verksamhet=funktionsratt&finansiar=other", 200),
            ("archive", "/bidrag/arkiv/", 200),
            ("Finnish grants", "/fi/avustukset/", 200),
            ("call", "/bidrag/verksamhetsbidrag-2027/", 200),
            ("closed call", "/bidrag/evenemangsbidrag-hosten/", 200),
            ("Finnish call", "/fi/avustukset/toiminta-avustus-2027/", 200),
            ("help form", "/bidrag/verksamhetsbidrag-2027/hjalp/", 200),
            ("home", "/", 200),
        ],
    )


def test_help_form_error_state_is_accessible(page, grants_site):
    for width in (1280, 320):
        page.set_viewport_size({"width": width, "height": 900})
        page.goto(grants_site + "/bidrag/verksamhetsbidrag-2027/hjalp/")
        page.fill("#id_name", "Aino Andersson")
        page.fill("#id_email", "inte-en-adress")
        page.fill("#id_association_name", "Kör")
        page.check("#id_contact_method_1")  # phone, without a number
        page.click("form.form-section button[type=submit]")
        assert page.locator(".error-summary").is_visible()
        assert page.input_value("#id_name") == "Aino Andersson"
        assert_no_axe_violations(page, f"help form with errors at {width} px")
        width_px = page.evaluate("document.documentElement.scrollWidth")
        assert width_px <= width
