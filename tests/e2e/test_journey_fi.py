"""A Finnish-speaking resident's journey entirely at /fi/ (issue 11, done when 1):
see tests/e2e/journey.py."""

from __future__ import annotations

import pytest

from tests.e2e.journey import run_journey

pytestmark = [pytest.mark.e2e]


def test_journey_in_finnish(browser, page, live_site, registration_page):
    run_journey(browser, page, live_site, "fi")
