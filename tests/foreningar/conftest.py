"""Fixtures for the register's tests (the shared ones are in tests/conftest.py)."""

from __future__ import annotations

import pytest

from tests.helpers import protected


@pytest.fixture
def registration_data():
    """A complete, valid registration form post."""
    return protected(
        {
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
            "website": "https://schack.example.org",
            "applicant_name": "Aino Andersson",
            "applicant_email": "aino@example.org",
            "applicant_phone": "070-111 22 33",
            "applicant_role": "Ordförande",
            "consent": "on",
        }
    )
