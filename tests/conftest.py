"""Shared fixtures for the whole test suite.

Test modules live in packages (``tests/<app>/__init__.py``) so that files with
the same name in different apps (``test_views.py``) do not clash.

Fixtures:

- ``site_root``: the Swedish home page created by ``home`` migration 0002, i.e.
  the default site's root page. Fails clearly if a transactional test flushed it.
- ``demo_site``: runs ``home.demo.seed_site()`` (the content ``seed_demo``
  makes: om/, dataskydd/, tillganglighet/, site settings, fi and en locales)
  and returns its dict of pages: ``home``, ``about``, ``privacy``,
  ``accessibility``.
- ``coordinator_user``: the user ``koordinator-test`` in the "Koordinatorer"
  group, password ``COORDINATOR_PASSWORD``.
- ``coordinator_client``: Django's test client logged in as that user.
- ``live_server``: pytest-django's, but started after the test database is set
  up so that it shares the in-memory SQLite connection.
- ``_clear_cache`` (autouse): empties the cache before and after every test, so
  rate limits and Wagtail's cached site lookups never leak between tests.

Transactional tests (``transactional_db``, ``live_server``) flush every table
afterwards, including the home page from the migrations. A transactional test
that needs that content must also request ``django_db_serialized_rollback``
(or use ``@pytest.mark.django_db(transaction=True, serialized_rollback=True)``);
the e2e ``live_site`` fixture does this for you.
"""

from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.test import Client
from wagtail.models import Page, Site

COORDINATOR_PASSWORD = "korrekt-häst-batteri-häftklammer"


@pytest.fixture(scope="session")
def live_server(django_db_setup, live_server):
    """pytest-django's live server, started only after the test database exists.

    Started earlier, it cannot share the in-memory SQLite connection and opens
    its own, which sees stale data and loses the tables the tests restore."""
    return live_server


@pytest.fixture(autouse=True)
def _clear_cache():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def site_root(db) -> Page:
    """The migrated Swedish home page (the default site's root page)."""
    site = Site.objects.filter(is_default_site=True).select_related("root_page")
    if not site.exists():
        pytest.fail(
            "The default site is missing: a transactional test flushed the "
            "migrated content. Request django_db_serialized_rollback too."
        )
    return site.get().root_page.specific


@pytest.fixture
def demo_site(site_root) -> dict[str, Page]:
    """The demo pages and site settings that ``seed_demo`` creates."""
    from home.demo import seed_site

    return seed_site()


@pytest.fixture
def coordinator_user(site_root):
    """A coordinator account with the same permissions ``seed_demo`` gives."""
    from home.services import ensure_coordinator_group

    group = ensure_coordinator_group(site_root)
    user = get_user_model().objects.create_user(
        username="koordinator-test",
        email="koordinator@example.org",
        password=COORDINATOR_PASSWORD,
        first_name="Kim",
        last_name="Koordinator",
    )
    user.groups.add(group)
    return user


@pytest.fixture
def coordinator_client(coordinator_user) -> Client:
    client = Client()
    client.force_login(coordinator_user)
    return client
