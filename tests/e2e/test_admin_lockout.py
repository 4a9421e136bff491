"""The admin login's lockout page (django-axes, core.lockout) in a real
browser: reached through Wagtail's own login form, 0 axe violations at 1280
and 320 px, nothing scrolls sideways."""

from __future__ import annotations

import pytest

from tests.e2e.helpers import (
    NARROW,
    VIEWPORT_HEIGHT,
    WIDTHS,
    assert_no_axe_violations,
    assert_no_horizontal_scroll,
)

pytestmark = pytest.mark.e2e


def test_the_lockout_page_is_accessible(page, live_site, settings):
    settings.AXES_FAILURE_LIMIT = 2
    page.goto(f"{live_site}/admin/login/")
    for _ in range(settings.AXES_FAILURE_LIMIT + 1):
        page.locator("#id_username").fill("koordinator")
        page.locator("#id_password").fill("fel-lösenord")
        with page.expect_navigation() as navigation:
            page.locator("button[type=submit]").click()
        if navigation.value.status == 429:
            break
    assert navigation.value.status == 429
    assert page.locator("h1").inner_text() == "Inloggningen är tillfälligt spärrad"
    for width in WIDTHS:
        page.set_viewport_size({"width": width, "height": VIEWPORT_HEIGHT})
        label = f"lockout page at {width} px"
        assert_no_axe_violations(page, label)
        if width <= NARROW:
            assert_no_horizontal_scroll(page, width, label)
