"""Shared fixtures for the whole test suite.

The test database is migrated once per test process and then given the
content every test may rely on, the same ``seed_demo`` makes without demo
associations: the home page with om/, dataskydd/ and tillganglighet/, site
settings, the fi and en locales, the register at /foreningar/ with its
registration page, the review workflow, the vocabularies' translations, the
(empty) trainings list at /utbildningar/ and calendar at /kalender/, and the
"Koordinatorer" group. Each test runs in a transaction rolled back
afterwards, so it may change that content freely.

Transactional tests (``live_server``, the browser tests) flush the tables
afterwards; they must request ``django_db_serialized_rollback`` (the e2e
``live_site`` fixture does), which puts the seeded content back first.

Fixtures: ``site_root``, ``demo_site`` (dict: home, about, privacy,
accessibility), ``register``, ``registration_page``, ``make_association``,
``make_rep``, ``login_client``, ``coordinator_user``, ``coordinator_client``.
Helpers that are not fixtures live in ``tests.helpers``.
"""

from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.db import connections
from django.test import Client
from wagtail.models import Page, Site

COORDINATOR_PASSWORD = "korrekt-häst-batteri-häftklammer"


def seed_test_content() -> None:
    from coordinator.trainings.demo import ensure_trainings_pages
    from foreningar.demo import (
        ensure_for_associations_page,
        ensure_register_page,
        ensure_registration_page,
        ensure_vocabulary_translations,
    )
    from home.demo import seed_site
    from home.services import ensure_coordinator_group

    pages = seed_site()
    ensure_vocabulary_translations()
    ensure_for_associations_page(ensure_registration_page(ensure_register_page()))
    ensure_trainings_pages()
    ensure_coordinator_group(pages["home"])


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        seed_test_content()
        for connection in connections.all():
            # Transactional tests with serialized rollback restore this state.
            if hasattr(connection, "_test_serialized_contents"):
                connection._test_serialized_contents = (
                    connection.creation.serialize_db_to_string()
                )
    cache.clear()


@pytest.fixture(scope="session")
def live_server(django_db_setup, live_server):
    """pytest-django's live server, started only after the test database exists
    (started earlier, it cannot share the in-memory SQLite connection)."""
    return live_server


@pytest.fixture(autouse=True)
def _clear_cache():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def site_root(db) -> Page:
    """The Swedish home page (the default site's root page)."""
    site = Site.objects.filter(is_default_site=True).select_related("root_page")
    if not site.exists():
        pytest.fail(
            "The default site is missing: a transactional test flushed the "
            "seeded content. Request django_db_serialized_rollback too."
        )
    return site.get().root_page.specific


@pytest.fixture
def demo_site(site_root) -> dict[str, Page]:
    """The seeded pages that ``seed_demo`` also makes."""
    children = {page.slug: page.specific for page in site_root.get_children()}
    return {
        "home": site_root,
        "about": children["om"],
        "privacy": children["dataskydd"],
        "accessibility": children["tillganglighet"],
    }


@pytest.fixture
def register(site_root):
    """The association register at /foreningar/."""
    from foreningar.models import AssociationIndexPage

    return AssociationIndexPage.objects.child_of(site_root).get(slug="foreningar")


@pytest.fixture
def registration_page(register):
    """The registration form at /foreningar/registrera/."""
    from foreningar.models import AssociationRegistrationPage

    return AssociationRegistrationPage.objects.child_of(register).get()


@pytest.fixture
def make_association(register):
    """``make_association(title=..., terms={...})``: a published association."""
    from foreningar.factories import AssociationPageFactory

    def make(**kwargs):
        kwargs.setdefault("parent", register)
        return AssociationPageFactory(**kwargs)

    return make


@pytest.fixture
def make_rep(db):
    """``make_rep(association, email=..., role=...)``: a representative."""
    from foreningar.factories import RepresentativeFactory
    from foreningar.models import RepresentativeLink

    def make(association=None, email=None, name="Rut Representant", role="Kassör"):
        options = {"name": name}
        if email:
            options["email"] = email
        rep = RepresentativeFactory(**options)
        if association is not None:
            RepresentativeLink.objects.create(
                representative=rep, association=association, role=role
            )
        return rep

    return make


@pytest.fixture
def login_client():
    """``login_client(representative)``: a client logged in to Min förening."""
    from foreningar.services import REPRESENTATIVE_SESSION

    def make(representative) -> Client:
        client = Client()
        session = client.session
        session[REPRESENTATIVE_SESSION.key] = representative.pk
        session.save()
        return client

    return make


@pytest.fixture
def coordinator_user(site_root):
    """A coordinator account with the same permissions ``seed_demo`` gives."""
    from django.contrib.auth.models import Group

    from home.services import COORDINATOR_GROUP

    user = get_user_model().objects.create_user(
        username="koordinator-test",
        email="koordinator@example.org",
        password=COORDINATOR_PASSWORD,
        first_name="Kim",
        last_name="Koordinator",
    )
    user.groups.add(Group.objects.get(name=COORDINATOR_GROUP))
    return user


@pytest.fixture
def coordinator_client(coordinator_user) -> Client:
    client = Client()
    client.force_login(coordinator_user)
    return client
