"""Issue 10, point 3: what a representative changes without review (listing,
"uppgifterna stämmer") reaches every public answer at once, and cached counts
expire."""

from __future__ import annotations

import time

import pytest
from django.http import QueryDict

from core.dates import long_date as datum
from foreningar.selectors import facets
from foreningar.selectors.facets import (
    cached_filtered_counts,
    resolve_filters,
    vocabulary_options,
)
from foreningar.selectors.params import parse_params

pytestmark = pytest.mark.django_db


@pytest.fixture
def association(make_association):
    return make_association(
        title="Hembygdsföreningen Gamla Tider",
        terms={"activity_areas": ["kultur"]},
    )


@pytest.fixture
def rep_client(association, make_rep, login_client):
    return login_client(make_rep(association, email="gunnel@example.org"))


def _listing(client) -> tuple[str, str]:
    everything = client.get("/foreningar/").content.decode()
    filtered = client.get("/foreningar/?verksamhet=kultur").content.decode()
    return everything, filtered


def test_unlisting_and_relisting_reach_the_cached_directory_at_once(
    client, make_association, association, rep_client
):
    make_association(title="Byalaget Norrby", terms={"activity_areas": ["kultur"]})
    everything, filtered = _listing(client)  # both cached now
    assert association.title in everything and association.title in filtered
    assert client.get(association.url).status_code == 200

    url = f"/min-forening/{association.pk}/synlighet/"
    assert rep_client.post(url, {"listed": "0"}).status_code == 302
    everything, filtered = _listing(client)
    assert association.title not in everything and association.title not in filtered
    assert "Byalaget Norrby" in filtered
    assert "1 förening" in filtered  # the count agrees with the list
    assert client.get(association.url).status_code == 404
    api = client.get("/api/v2/associations/?fields=title").json()
    assert association.title not in {item["title"] for item in api["items"]}
    csv = b"".join(client.get("/foreningar/export.csv").streaming_content).decode()
    assert association.title not in csv

    assert rep_client.post(url, {"listed": "1"}).status_code == 302
    everything, filtered = _listing(client)
    assert association.title in everything and association.title in filtered
    assert "2 föreningar" in filtered


def test_confirming_the_data_shows_the_new_date_on_the_cached_profile(
    client, association, rep_client
):
    association.last_verified_at = association.last_verified_at.replace(year=2024)
    association.save_revision().publish()
    assert (
        datum(association.last_verified_at)
        in client.get(association.url).content.decode()
    )
    response = rep_client.post(f"/min-forening/{association.pk}/bekrafta/")
    assert response.status_code == 302
    association.refresh_from_db()
    assert association.last_verified_at.year >= 2026
    shown = client.get(association.url).content.decode()
    assert datum(association.last_verified_at) in shown


def test_replayed_counts_expire_after_the_full_count(
    register, association, make_association, monkeypatch
):
    def params():
        result = parse_params(QueryDict("verksamhet=kultur"))
        resolve_filters(result, vocabulary_options())
        return result

    counted = []
    real_count = facets.filtered_counts

    def counting(*args):
        counted.append(args)
        return real_count(*args)

    monkeypatch.setattr(facets, "filtered_counts", counting)
    cached_filtered_counts(register.pk, params())
    make_association(title="Kulturföreningen", terms={"activity_areas": ["kultur"]})
    cached_filtered_counts(register.pk, params())
    assert len(counted) == 1  # the change was replayed, not counted again

    later = time.time() + facets.COUNTS_TTL + 1
    monkeypatch.setattr(facets.time, "time", lambda: later)
    make_association(title="Konstföreningen", terms={"activity_areas": ["kultur"]})
    counts = cached_filtered_counts(register.pk, params())
    assert len(counted) == 2  # too old to replay: counted again
    assert counts[(facets.TOTAL, 0)] == 3
