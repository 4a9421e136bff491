"""The grants section, a call page, Bevaka, the API and the admin."""

from __future__ import annotations

import json
import re

import pytest
from django.contrib.auth import get_user_model
from django.db import connection
from django.test.utils import CaptureQueriesContext

from coordinator.grants.models import CallWatch, HelpRequest


def titles(html: str, section: str) -> list[str]:
    part = html.split(f'id="grants-{section}-heading"', 1)[1].split("</section>", 1)[0]
    return re.findall(r'<h3><a href="[^"]+"[^>]*>([^<]+)</a>', part)


def test_index_lists_open_by_deadline_then_upcoming_not_closed(client, make_call):
    from coordinator.grants.factories import _at

    make_call(title="Senare", deadline=_at(50))
    make_call(title="Snart", closing_soon=True)
    make_call(title="Kommer", upcoming=True)
    make_call(title="Gammal", closed=True)
    html = client.get("/bidrag/").content.decode()
    assert titles(html, "open") == ["Snart", "Senare"]
    assert titles(html, "upcoming") == ["Kommer"]
    assert "Gammal" not in html
    assert "Stänger snart" in html
    archive = client.get("/bidrag/arkiv/").content.decode()
    assert "Gammal" in archive and "Snart" not in archive


def test_filters_and_bad_parameters(client, make_call):
    make_call(
        title="Kultur",
        terms={"purposes": ["kultur"]},
        amount_max=20000,
        amount_min=5000,
    )
    make_call(
        title="Idrott",
        terms={"purposes": ["idrott"], "target_groups": ["unga"]},
        amount_max=1000,
    )
    html = client.get("/bidrag/?verksamhet=kultur").content.decode()
    assert titles(html, "open") == ["Kultur"]
    html = client.get("/bidrag/?malgrupp=unga&belopp=upp-till-2000").content.decode()
    assert titles(html, "open") == ["Idrott"]
    html = client.get(
        "/bidrag/?belopp=over-10000&finansiar=foundation"
    ).content.decode()
    assert titles(html, "open") == ["Kultur"]
    response = client.get(
        "/bidrag/?verksamhet=%3Cscript%3E&belopp=x&finansiar=\x00&page=-1"
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "känns inte igen" in html and "<script>" not in html
    assert (
        titles(html, "open") == ["Idrott", "Kultur"] or len(titles(html, "open")) == 2
    )
    empty = client.get("/bidrag/?verksamhet=seniorer").content.decode()
    assert "Ta bort ändamål" in empty
    assert client.get("/bidrag/arkiv/?page=abc&belopp=zz").status_code == 200


def test_finnish_reader_gets_finnish_labels_and_posts_in_finnish(client, make_call):
    call = make_call(
        title="Kulturbidrag", slug="kultur", terms={"purposes": ["kultur"]}
    )
    html = client.get("/fi/bidrag/").content.decode()
    assert "Avoinna nyt" in html and "Kulttuuri</option>" in html
    assert 'lang="sv"' in html  # the untranslated call keeps its language
    page = client.get(f"/fi/bidrag/{call.slug}/").content.decode()
    assert "Viimeinen hakupäivä" in page
    form = client.get(f"/fi/bidrag/{call.slug}/hjalp/").content.decode()
    assert f'action="/fi/bidrag/{call.slug}/hjalp/"' in form


@pytest.mark.parametrize(
    "path", ["/bidrag/?verksamhet=kultur", "/fi/bidrag/", "/bidrag/arkiv/"]
)
def test_list_queries_do_not_grow_with_the_number_of_calls(client, make_call, path):
    counts = []
    for size in (1, 4):
        for n in range(size):
            make_call(title=f"Bidrag {size}-{n}", terms={"purposes": ["kultur"]})
            make_call(title=f"Kommande {size}-{n}", upcoming=True)
            make_call(title=f"Stängd {size}-{n}", closed=True)
        client.get(path)  # warm the chrome and locale caches
        with CaptureQueriesContext(connection) as queries:
            assert client.get(path).status_code == 200
        counts.append(len(queries))
    assert counts[0] == counts[1], counts


def test_call_page_shows_facts_and_json_ld(client, make_call):
    call = make_call(
        title="Kulturbidrag",
        amount_min=500,
        amount_max=5000,
        terms={"target_groups": ["unga"]},
    )
    html = client.get(call.url).content.decode()
    assert "500\u00a0€–5\u00a0000\u00a0€" in html
    assert "Unga" in html and "Få hjälp att söka" in html
    data = json.loads(
        re.search(
            r'<script type="application/ld\+json">(.*?)</script>', html, re.S
        ).group(1)
    )
    assert data["@type"] == "MonetaryGrant"
    assert data["amount"] == {
        "@type": "MonetaryAmount",
        "currency": "EUR",
        "minValue": 500,
        "maxValue": 5000,
    }
    assert data["funder"]["@type"] == "Organization"


def test_drafts_are_not_public(client, make_call):
    draft = make_call(title="Hemlig", live=False)
    assert "Hemlig" not in client.get("/bidrag/").content.decode()
    assert client.get("/bidrag/sista-ansokningsdag.ics").content.count(b"Hemlig") == 0
    assert b"Hemlig" not in client.get("/api/v2/grant-calls/").content
    assert client.get(f"/bidrag/{draft.slug}/").status_code == 404


def test_watch_and_unwatch(client, login_client, make_call, make_rep, make_association):
    call = make_call()
    anonymous = client.post(f"{call.url}bevaka/", {"action": "watch"})
    assert anonymous.status_code == 302 and "logga-in" in anonymous["Location"]
    rep = make_rep(make_association())
    rep_client = login_client(rep)
    assert "Bevaka" in rep_client.get(call.url).content.decode()
    rep_client.post(f"{call.url}bevaka/", {"action": "watch"})
    rep_client.post(f"{call.url}bevaka/", {"action": "watch"})  # double click
    assert CallWatch.objects.filter(representative=rep, call=call).count() == 1
    assert "Sluta bevaka" in rep_client.get(call.url).content.decode()
    response = rep_client.post(
        f"{call.url}bevaka/", {"action": "unwatch", "next": "https://evil.example/"}
    )
    assert response["Location"] == call.url
    assert not CallWatch.objects.exists()
    assert rep_client.post(f"{call.url}bevaka/", {"action": "x"}).status_code == 302
    closed = make_call(closed=True)
    rep_client.post(f"{closed.url}bevaka/", {"action": "watch"})
    assert not CallWatch.objects.exists()


def test_api_endpoint(client, make_call):
    make_call(title="Öppet", terms={"purposes": ["kultur"]})
    make_call(title="Stängt", closed=True)
    data = client.get("/api/v2/grant-calls/?status=open&purposes=kultur").json()
    assert [item["title"] for item in data["items"]] == ["Öppet"]
    assert data["items"][0]["status"] == "open"
    assert data["items"][0]["currency"] == "EUR"
    assert client.get("/api/v2/grant-calls/?status=nonsense").status_code == 400
    assert client.get("/api/v2/grant-calls/?purposes=a%00b").status_code == 400


def test_help_requests_admin_is_for_coordinators_only(
    client, coordinator_client, make_call
):
    from coordinator.grants.factories import HelpRequestFactory

    HelpRequestFactory(
        name="Aino", call=make_call(), association_name="=cmd|' /C calc'!A0"
    )
    listing = coordinator_client.get("/admin/bidrag/hjalpforfragningar/")
    assert listing.status_code == 200 and "Aino" in listing.content.decode()
    export = coordinator_client.get("/admin/bidrag/hjalpforfragningar/?export=csv")
    body = b"".join(export.streaming_content).decode()
    assert "'=cmd" in body  # through core.export.safe_cell
    editor = get_user_model().objects.create_user(
        "redaktor", password="x", is_staff=True
    )
    from django.contrib.auth.models import Permission

    editor.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(editor)
    assert client.get("/admin/bidrag/hjalpforfragningar/").status_code in (302, 403)
    assert HelpRequest.objects.count() == 1
