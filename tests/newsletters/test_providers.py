"""The newsletter's upcoming blocks filled by the real apps: grant deadlines
from coordinator.grants and trainings from coordinator.trainings, registered
under core.hooks.NEWSLETTER_ITEMS, with the editor's window and target group."""

from __future__ import annotations

import datetime

import pytest
from django.utils import timezone

from coordinator.newsletters import services
from core import hooks as fnavet_hooks

pytestmark = pytest.mark.django_db

BODY = [
    (
        "grant_deadlines",
        {"heading": "", "days": 30, "limit": 5, "target_group": "seniorer"},
    ),
    (
        "upcoming_events",
        {"heading": "", "days": 30, "limit": 5, "target_group": ""},
    ),
]


@pytest.fixture
def grants_index(site_root):
    from coordinator.grants.factories import GrantCallIndexPageFactory

    return GrantCallIndexPageFactory(parent=site_root)


def test_both_apps_register_a_provider():
    kinds = {p.kind for p in fnavet_hooks.collect(fnavet_hooks.NEWSLETTER_ITEMS)}
    assert {"grant_deadlines", "events"} <= kinds


def test_blocks_list_real_calls_and_trainings(
    make_newsletter, site_url, grants_index, site_root
):
    from coordinator.grants.factories import GrantCallPageFactory
    from coordinator.trainings.factories import TrainingEventPageFactory
    from coordinator.trainings.models import TrainingEventIndexPage

    now = timezone.now()
    GrantCallPageFactory(
        parent=grants_index,
        title="Seniorbidraget",
        deadline=now + datetime.timedelta(days=5),
        terms={"target_groups": ["seniorer"]},
    )
    GrantCallPageFactory(
        parent=grants_index,
        title="Ungdomsbidraget",
        deadline=now + datetime.timedelta(days=6),
        terms={"target_groups": ["barn"]},
    )
    GrantCallPageFactory(
        parent=grants_index,
        title="Senare seniorbidrag",
        deadline=now + datetime.timedelta(days=90),
        terms={"target_groups": ["seniorer"]},
    )
    trainings = TrainingEventIndexPage.objects.child_of(site_root).get()
    TrainingEventPageFactory(
        parent=trainings,
        title="Bokföring för kassörer",
        starts_at=now + datetime.timedelta(days=10),
    )
    TrainingEventPageFactory(
        parent=trainings,
        title="Kurs om hösten",
        starts_at=now + datetime.timedelta(days=60),
    )

    email = services.render_newsletter(make_newsletter(body=BODY), "sv")

    html, text = email.html, email.text
    # Grants: only open calls for the chosen group, within the window.
    assert "Seniorbidraget" in html and "Seniorbidraget" in text
    assert "Ungdomsbidraget" not in html
    assert "Senare seniorbidrag" not in html
    # Trainings within the window, with absolute links.
    assert "Bokföring för kassörer" in html and "Bokföring för kassörer" in text
    assert "Kurs om hösten" not in html
    assert f"{site_url}/utbildningar/" in html
    assert 'href="/' not in html
