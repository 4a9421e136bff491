"""Arbitrary input at the trainings' public forms and lists (like the shared
fuzz targets, which need no training to exist): always a 4xx or a page,
never a 500, and nothing half-stored."""

from __future__ import annotations

import random

import pytest

from coordinator.trainings.models import Participant

pytestmark = pytest.mark.django_db

NASTY = [
    "",
    "\x00",
    "a" * 5000,
    "<script>alert(1)</script>",
    '=HYPERLINK("http://x")',
    "😀" * 50,
    "'; DROP TABLE trainings_participant; --",
    "../../etc/passwd",
    "2026-13-45",
    "-1",
    "99999999999999999999",
    "on",
    "typed",
    " ",
]
FIELDS = [
    "name",
    "email",
    "phone",
    "association_name",
    "association_choice",
    "dietary_needs",
    "accessibility_needs",
    "consent",
    "form_token",
    "homepage_url",
]


def test_signup_form_and_link_survive_arbitrary_input(
    client, make_training, signup_data
):
    training = make_training(ask_dietary_needs=True)
    rng = random.Random(14)
    for _ in range(15):
        data = signup_data()
        for field in rng.sample(FIELDS, rng.randint(1, len(FIELDS))):
            data[field] = rng.choice(NASTY)
        response = client.post(training.url, data)
        assert response.status_code in (200, 302, 400, 409, 429), data
    for token in NASTY[1:8] + ["A" * 44]:
        response = client.get(training.url + "anmalan/" + token.replace("/", "") + "/")
        assert response.status_code in (400, 404, 409, 410)
    # Whatever was stored is whole: a name, an address and a status.
    for participant in Participant.objects.all():
        assert participant.name and "@" in participant.email and participant.status


def test_lists_survive_arbitrary_query_strings(client, calendar_page, trainings_index):
    rng = random.Random(14)
    params = ["manad", "omrade", "verksamhet", "malgrupp", "avgiftsfri", "page", "q"]
    for _ in range(8):
        query = {p: rng.choice(NASTY)[:300] for p in rng.sample(params, 3)}
        for url in (
            calendar_page.url,
            calendar_page.url + "kalender.ics",
            trainings_index.url,
        ):
            assert client.get(url, query).status_code == 200, (url, query)
