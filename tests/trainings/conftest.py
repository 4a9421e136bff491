"""Fixtures for the trainings' tests (the shared ones are in tests/conftest.py).
The seeded test database has /utbildningar/ and /kalender/; trainings,
participants and events are made per test with the app's factories."""

from __future__ import annotations

import pytest

from tests.helpers import protected


@pytest.fixture
def trainings_index(site_root):
    from coordinator.trainings.models import TrainingEventIndexPage

    return TrainingEventIndexPage.objects.child_of(site_root).get(slug="utbildningar")


@pytest.fixture
def calendar_page(site_root):
    from coordinator.trainings.models import EventCalendarPage

    return EventCalendarPage.objects.child_of(site_root).get(slug="kalender")


@pytest.fixture
def make_training(trainings_index):
    """``make_training(capacity=2, starts_at=..., online=True, ...)``: a
    published training under /utbildningar/."""
    from coordinator.trainings.factories import TrainingEventPageFactory

    def make(**kwargs):
        kwargs.setdefault("parent", trainings_index)
        return TrainingEventPageFactory(**kwargs)

    return make


@pytest.fixture
def signup_data():
    """``signup_data(email=...)``: a valid sign-up post."""

    def make(**fields):
        return protected(
            {
                "name": "Aino Andersson",
                "email": "aino@example.org",
                "phone": "040 123 4567",
                "association_name": "",
                "consent": "on",
                **fields,
            }
        )

    return make


@pytest.fixture
def signup(trainings_index):
    """``signup(training, email=..., language=...)``: a sign-up through the
    service, as the form makes it."""
    from coordinator.trainings import services

    def make(training, email="aino@example.org", name="Aino Andersson", **fields):
        return services.sign_up(
            training,
            services.SignupData(
                name=name, email=email, language=fields.pop("language", "sv"), **fields
            ),
            index_page=trainings_index,
        )

    return make
