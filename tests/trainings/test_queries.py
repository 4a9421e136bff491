"""List pages run the same number of queries whatever their size: the list
of trainings, the calendar (page and feed), a training's page and the
home page's section (none at all on a warm cache)."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from coordinator.trainings.factories import (
    AssociationEventFactory,
    ParticipantFactory,
    local_time,
)

pytestmark = pytest.mark.django_db


def _queries(client, url: str) -> int:
    client.get(url)  # warm Wagtail's and the site's caches
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries.captured_queries)


def _add(make_training, association, count: int, offset: int) -> None:
    for number in range(count):
        training = make_training(
            starts_at=local_time(2 + (number + offset) % 20, 18),
            session_count=2,
            capacity=2,
            terms={"districts": "norrby", "activity_areas": ["idrott"]},
        )
        for seat in range(3):
            ParticipantFactory(
                event=training,
                status="confirmed" if seat < 2 else "waitlisted",
            )
        AssociationEventFactory(
            association=association,
            starts_at=local_time(2 + (number + offset) % 20, 12),
            district="norrby",
        )


def test_list_pages_query_count_is_constant(
    client, trainings_index, calendar_page, make_training, make_association
):
    association = make_association(terms={"districts": ["norrby"]})
    month = f"?manad={local_time(10, 12):%Y-%m}"
    urls = [
        trainings_index.url,
        calendar_page.url + month,
        calendar_page.url + month + "&omrade=norrby&verksamhet=idrott&avgiftsfri=1",
        calendar_page.url + "kalender.ics",
        "/fi" + calendar_page.url + month,
    ]
    counts = {}
    for size, added in ((1, 1), (4, 3)):
        _add(make_training, association, added, offset=size)
        counts[size] = {url: _queries(client, url) for url in urls}
    assert counts[1] == counts[4], counts
    assert max(counts[4].values()) <= 20, counts


def test_training_page_query_count_does_not_grow_with_participants(
    client, make_training
):
    training = make_training(capacity=50, session_count=3)
    counts = []
    for added in (2, 20):
        for _ in range(added):
            ParticipantFactory(event=training)
        counts.append(_queries(client, training.url))
    assert counts[0] == counts[1], counts


def test_home_section_costs_no_queries_when_warm(rf, make_training, make_association):
    from coordinator.trainings.views.calendar import home_section

    association = make_association()
    make_training()
    AssociationEventFactory(association=association)
    request = rf.get("/")
    assert "Kommande utbildningar och evenemang" in home_section(request, {})
    with CaptureQueriesContext(connection) as queries:
        home_section(request, {})
    assert len(queries.captured_queries) == 0
