"""What must not grow with the register: query counts of home, profile, API
listing, site search and the CSV at two sizes (warm and right after a
publish), and the alphabetical order of names in every language."""

from __future__ import annotations

import csv
import io

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from foreningar.demo import seed_associations
from foreningar.models import AssociationPage

pytestmark = pytest.mark.django_db


def queries(client, url: str) -> int:
    with CaptureQueriesContext(connection) as context:
        response = client.get(url)
        if response.streaming:
            b"".join(response.streaming_content)
    assert response.status_code == 200, url
    return len(context.captured_queries)


def counts(client, urls, publish) -> dict[str, tuple[int, int]]:
    """(warm, right after a publish) query counts of each address."""
    result = {}
    for url in urls:
        queries(client, url)
        warm = queries(client, url)
        publish()
        result[url] = (warm, queries(client, url))
    return result


def test_query_counts_do_not_grow_with_the_register(client, register, make_association):
    profile = make_association(
        title="Norrby Bollklubb",
        terms={"activity_areas": ["idrott"], "districts": ["norrby"]},
    )
    urls = [
        "/",
        profile.url,
        "/api/v2/associations/",
        "/sok/?q=förening",
        "/sok/?q=bollklubb",
        "/foreningar/export.csv",
        "/foreningar/export.csv?verksamhet=idrott",
    ]
    edits = iter(range(100))

    def publish():
        page = AssociationPage.objects.get(pk=profile.pk)
        page.meeting_times = f"Tisdagar {next(edits)}"
        page.save_revision().publish()

    seed_associations(4, seed=21)
    small = counts(client, urls, publish)
    seed_associations(60, seed=21)
    large = counts(client, urls, publish)
    assert small == large


def public() -> int:
    from foreningar.models import DirectoryEntry

    return DirectoryEntry.objects.count()


def read_csv(client, url):
    body = b"".join(client.get(url).streaming_content).decode("utf-8-sig")
    return list(csv.reader(io.StringIO(body), delimiter=";"))


def test_csv_streams_in_chunks_with_constant_queries(
    client, register, make_association, monkeypatch
):
    from foreningar.views import export

    monkeypatch.setattr(export, "CHUNK_SIZE", 25)
    seed_associations(10, seed=5)
    queries(client, "/foreningar/export.csv")
    few = queries(client, "/foreningar/export.csv")
    assert len(read_csv(client, "/foreningar/export.csv")) == public() + 1
    seed_associations(80, seed=5)  # over three chunks
    assert public() > 3 * 25
    queries(client, "/foreningar/export.csv")
    assert queries(client, "/foreningar/export.csv") == few
    rows = read_csv(client, "/foreningar/export.csv")
    assert len(rows) == public() + 1
    assert len({row[3] for row in rows[1:]}) == public()  # every address once


NAMES = [
    "Zorns gille",
    "Åsens byalag",
    "Ängsby IF",
    "ärlans kör",
    "Östra kören",
    "Érik-sällskapet",
    "Eva-kören",
    "Üllö IF",
    "Ystads vänner",
    "Aavasaksa",
]
NORDIC = [
    "Aavasaksa",
    "Érik-sällskapet",
    "Eva-kören",
    "Üllö IF",
    "Ystads vänner",
    "Zorns gille",
    "Åsens byalag",
    "Ängsby IF",
    "ärlans kör",
    "Östra kören",
]
ENGLISH = [
    "Aavasaksa",
    "Ängsby IF",
    "ärlans kör",
    "Åsens byalag",
    "Érik-sällskapet",
    "Eva-kören",
    "Östra kören",
    "Üllö IF",
    "Ystads vänner",
    "Zorns gille",
]


@pytest.mark.parametrize(
    ("prefix", "expected"), [("", NORDIC), ("/fi", NORDIC), ("/en", ENGLISH)]
)
def test_names_sort_in_the_readers_alphabet(client, make_association, prefix, expected):
    for name in NAMES:
        make_association(title=name)
    html = client.get(f"{prefix}/foreningar/").content.decode()
    positions = [html.index(f">{name}<") for name in expected]
    assert positions == sorted(positions), "directory"
    rows = read_csv(client, f"{prefix}/foreningar/export.csv")
    assert [row[0] for row in rows[1:]] == expected, "CSV"


def test_the_api_sorts_by_name_the_swedish_way(client, make_association):
    for name in NAMES:
        make_association(title=name)
    default = client.get("/api/v2/associations/?limit=20").json()["items"]
    ordered = client.get("/api/v2/associations/?order=title&limit=20").json()["items"]
    backwards = client.get("/api/v2/associations/?order=-title&limit=20").json()[
        "items"
    ]
    assert [item["title"] for item in default] == NORDIC
    assert [item["title"] for item in ordered] == NORDIC
    assert [item["title"] for item in backwards] == NORDIC[::-1]
