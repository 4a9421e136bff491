"""Browser tests: Playwright (sync API) on Debian's Chromium against
pytest-django's ``live_server``.

Fixtures:

- ``browser`` (session): one headless Chromium for the whole run. If the
  executable (``/usr/bin/chromium``, or ``$CHROMIUM_PATH``) is missing the e2e
  tests are skipped locally, but fail under ``CI=true``.
- ``page`` (function): a fresh browser context and page (1280x900, Swedish
  Accept-Language), closed after the test.
- ``live_site`` (function): the live server's base URL
  (``http://localhost:PORT``) with the seeded content (see tests/conftest.py).
  It uses a transactional database with serialized rollback, so each browser
  test costs a flush and a restore: check many pages in one test.

Assertions live in ``tests.e2e.helpers``: ``assert_no_axe_violations(page,
label)``, ``assert_no_horizontal_scroll(page, width, label)`` and
``check_page_at_widths(page, url, label)`` which checks 1280 and 320 px.

Mark every browser test with ``@pytest.mark.e2e`` (``pytest -m "not e2e"``
runs the rest).
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

CHROMIUM_PATH = Path(os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium"))
# No internet here: these flags stop Chromium from phoning home and waiting on
# refused connections.
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
DEFAULT_TIMEOUT_MS = 15_000


def _running_in_ci() -> bool:
    return os.environ.get("CI", "").strip().lower() in {"1", "true", "yes"}


@pytest.fixture(scope="session")
def browser() -> Iterator:
    if not CHROMIUM_PATH.exists():
        reason = (
            f"Chromium not found at {CHROMIUM_PATH}: install Debian's package "
            "(apt-get install chromium) or set CHROMIUM_PATH."
        )
        if _running_in_ci():
            pytest.fail(f"CI=true and the browser tests cannot run. {reason}")
        pytest.skip(reason)

    from django.db import connections
    from playwright.sync_api import sync_playwright

    # Playwright's sync API keeps an event loop running in this thread; Django's
    # ORM would refuse to run beside it in test code and fixtures.
    previous = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    # With a running loop Django looks connections up per async context, so the
    # tests would get fresh connection objects without the serialized database
    # contents (and, on in-memory SQLite, a second connection). Keep the ones
    # the unit tests already used.
    existing = {alias: connections[alias] for alias in connections}
    try:
        with sync_playwright() as playwright:
            for alias, connection in existing.items():
                connections[alias] = connection
            chromium = playwright.chromium.launch(
                executable_path=str(CHROMIUM_PATH), args=CHROMIUM_ARGS
            )
            yield chromium
            chromium.close()
    finally:
        if previous is None:
            os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
        else:
            os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = previous


@pytest.fixture
def page(browser) -> Iterator:
    context = browser.new_context(
        viewport={"width": 1280, "height": 900}, locale="sv-SE"
    )
    context.set_default_timeout(DEFAULT_TIMEOUT_MS)
    browser_page = context.new_page()
    yield browser_page
    context.close()


@pytest.fixture
def live_site(live_server, django_db_serialized_rollback, demo_site, settings) -> str:
    """Base URL of the live server, serving the seeded content. Forms may be
    sent at once (a browser test types faster than a person)."""
    settings.FORM_MIN_FILL_SECONDS = 0
    return live_server.url
