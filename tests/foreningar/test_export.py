"""/foreningar/export.csv: the public register for Excel."""

from __future__ import annotations

import csv
import io

import pytest

from core.export import safe_cell

pytestmark = pytest.mark.django_db

HEADER = [
    "namn",
    "kort beskrivning",
    "beskrivning",
    "adress på webbplatsen",
    "sorts organisationsnummer",
    "organisationsnummer",
    "grundad år",
    "ungefärligt antal medlemmar",
    "verksamhetsområden",
    "målgrupper",
    "områden",
    "verksamhetsspråk",
    "nyckelord",
    "mötesplats",
    "gatuadress",
    "postnummer",
    "ort",
    "latitud",
    "longitud",
    "mötestider",
    "lokalens tillgänglighet",
    "entré utan trappsteg",
    "tillgänglighetsanpassad toalett",
    "hörslinga",
    "medlemsavgift",
    "vi söker volontärer",
    "vilka volontärer ni söker",
    "e-post",
    "telefon",
    "webbplats",
    "Facebook",
    "Instagram",
    "annan social kanal",
    "status",
    "uppgifterna bekräftade",
]


def read_csv(response) -> list[list[str]]:
    assert response.status_code == 200
    body = b"".join(response.streaming_content)
    assert body.startswith("\ufeff".encode())  # BOM: Excel reads UTF-8
    text = body.decode("utf-8-sig")
    return list(csv.reader(io.StringIO(text), delimiter=";"))


@pytest.fixture
def associations(make_association, demo_site):
    return [
        make_association(
            title="Åsens Byaförening",
            short_description='=HYPERLINK("http://evil.example")',
            public_phone="+358 40 123 4567",
            membership_fee="-50 €",
            meeting_times="@SUM(A1)",
            org_id_kind="fi_ytunnus",
            org_id="2617416-4",
            latitude="-12.500000",
            terms={"activity_areas": ["by-och-lokalutveckling"], "districts": ["asen"]},
            tags=["byagård"],
        ),
        make_association(
            title="Norrby Bollklubb",
            terms={"activity_areas": ["idrott"], "districts": ["norrby"]},
        ),
        make_association(title="Dold förening", unlisted=True),
    ]


def test_csv_is_excel_friendly_and_public_only(client, associations):
    response = client.get("/foreningar/export.csv")
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"].startswith(
        'attachment; filename="foreningar-'
    )
    assert response.streaming
    rows = read_csv(response)
    assert rows[0] == HEADER
    # Swedish alphabetical order: Å after Z.
    assert [row[0] for row in rows[1:]] == ["Norrby Bollklubb", "Åsens Byaförening"]
    first = dict(zip(HEADER, rows[2], strict=True))
    assert first["adress på webbplatsen"] == (
        f"http://testserver/foreningar/{associations[0].slug}/"
    )
    assert first["verksamhetsområden"] == "By- och lokalutveckling"
    assert first["områden"] == "Åsen"
    assert first["nyckelord"] == "byagård"
    assert first["sorts organisationsnummer"] == "FO-nummer / Y-tunnus (Finland)"


def test_formula_injection_is_neutralised(client, associations):
    rows = read_csv(client.get("/foreningar/export.csv"))
    first = dict(zip(HEADER, rows[2], strict=True))
    assert first["kort beskrivning"] == '\'=HYPERLINK("http://evil.example")'
    assert first["telefon"] == "'+358 40 123 4567"
    assert first["medlemsavgift"] == "'-50 €"
    assert first["mötestider"] == "'@SUM(A1)"
    assert first["latitud"] == "-12.500000"  # a number, not text: left alone


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("=1+1", "'=1+1"),
        ("+1", "'+1"),
        ("-1", "'-1"),
        ("@x", "'@x"),
        ("\tx", "'\tx"),
        ("\rx", "'\rx"),
        ("ok", "ok"),
        (12, 12),
        (None, ""),
        (" =1+1", "' =1+1"),
        ("|cmd", "'|cmd"),
    ],
)
def test_safe_cell(value, expected):
    assert safe_cell(value) == expected


def test_csv_takes_the_directory_filters(client, associations):
    rows = read_csv(client.get("/foreningar/export.csv?omrade=norrby"))
    assert [row[0] for row in rows[1:]] == ["Norrby Bollklubb"]
    rows = read_csv(client.get("/foreningar/export.csv?q=Byaförening&page=abc"))
    assert [row[0] for row in rows[1:]] == ["Åsens Byaförening"]


def test_csv_in_finnish_has_the_same_register(client, associations):
    from foreningar.demo import ensure_vocabulary_translations

    ensure_vocabulary_translations()
    rows = read_csv(client.get("/fi/foreningar/export.csv"))
    assert len(rows) == 3
    assert rows[2][3].startswith("http://testserver/fi/foreningar/")
    assert "Kylä- ja paikalliskehittäminen" in rows[2]


def test_export_only_under_a_register_page(client, associations):
    assert client.get("/om/export.csv").status_code == 404
    assert client.get("/finns-inte/export.csv").status_code == 404


def test_export_query_count_is_constant(
    client, associations, django_assert_max_num_queries
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from foreningar.demo import seed_associations

    def measure() -> int:
        with CaptureQueriesContext(connection) as ctx:
            b"".join(client.get("/foreningar/export.csv").streaming_content)
        return len(ctx.captured_queries)

    measure()
    few = measure()
    seed_associations(300, seed=5)
    measure()  # the seeding emptied the register's cache
    assert measure() == few
