"""Fixtures for the self-service tests (registration, login, profile).

Import them into a test module with ``from .selfservice_fixtures import *``.
"""

from __future__ import annotations

import re
import time

import pytest
from django.core import mail, signing
from django.test import Client

from foreningar.factories import AssociationIndexPageFactory, AssociationPageFactory
from foreningar.models import Representative, RepresentativeLink
from foreningar.selfservice.services import SESSION_KEY

__all__ = [
    "association_of",
    "form_started",
    "links_in",
    "login_client",
    "make_rep",
    "registration_data",
    "registration_page",
    "selfservice_register",
]


def form_started(seconds_ago: float = 10) -> str:
    """A valid signed start time for ProtectedFormMixin forms."""
    return signing.dumps(time.time() - seconds_ago, salt="fnavet.form-started")


def links_in(message) -> list[str]:
    return re.findall(r"https?://\S+", message.body)


@pytest.fixture
def selfservice_register(site_root):
    return AssociationIndexPageFactory(parent=site_root)


@pytest.fixture
def registration_page(selfservice_register):
    from foreningar.selfservice.demo import ensure_registration_page

    return ensure_registration_page()


@pytest.fixture
def registration_data():
    return {
        "title": "Norrbyns schackklubb",
        "short_description": "Vi spelar schack för alla åldrar.",
        "description": "Vi träffas varje tisdag.\n\nNybörjare är välkomna!",
        "org_id_kind": "se_orgnr",
        "org_id": "802012-3454",
        "meeting_place_name": "Norrby bibliotek",
        "street_address": "Biblioteksgatan 1",
        "postcode": "123 45",
        "town": "Exempelstad",
        "meeting_times": "Tisdagar kl. 18–20",
        "public_email": "schack@example.org",
        "public_phone": "040-123 45 67",
        "web_address": "https://schack.example.org",
        "applicant_name": "Aino Andersson",
        "applicant_email": "aino@example.org",
        "applicant_phone": "070-111 22 33",
        "applicant_role": "Ordförande",
        "consent": "on",
        "website": "",
        "started": form_started(),
    }


@pytest.fixture
def make_rep():
    def make(association=None, email=None, name="Rut Representant", role="Kassör"):
        rep = Representative.objects.create(
            email=email or f"rep{Representative.objects.count() + 1}@example.org",
            name=name,
        )
        if association is not None:
            RepresentativeLink.objects.create(
                representative=rep, association=association, role=role
            )
        return rep

    return make


@pytest.fixture
def association_of(selfservice_register):
    def make(**kwargs):
        kwargs.setdefault("parent", selfservice_register)
        return AssociationPageFactory(**kwargs)

    return make


@pytest.fixture
def login_client():
    def make(representative) -> Client:
        client = Client()
        session = client.session
        session[SESSION_KEY] = representative.pk
        session.save()
        return client

    return make


@pytest.fixture(autouse=True)
def _empty_outbox():
    mail.outbox = []
