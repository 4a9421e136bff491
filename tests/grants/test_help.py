"""Få hjälp att söka: bad input gets field errors and keeps what was typed;
a valid request reaches the admin and both emails are sent, each in its
reader's language."""

from __future__ import annotations

import pytest
from django.core import mail

from coordinator.grants.models import HelpRequest
from tests.helpers import protected


@pytest.fixture
def call(make_call):
    return make_call(title="Kulturbidrag", slug="kulturbidrag")


@pytest.fixture
def valid():
    """The fields of a valid request (wrap in ``protected()`` to post)."""
    return {
        "name": "Aino Andersson",
        "email": "Aino@Example.org",
        "phone": "040 123 4567",
        "contact_method": "phone",
        "association_name": "",
        "question": "Hur skriver vi budgeten för en körresa?",
        "consent": "on",
    }


def test_bad_input_gets_errors_and_keeps_what_was_typed(client, call, valid):
    data = {
        **valid,
        "email": "inte-en-adress",
        "consent": "",
        "phone": "",
        "question": "Vi undrar över budgeten <3",
    }
    response = client.post("/bidrag/kulturbidrag/hjalp/", protected(data))
    assert response.status_code == 400
    html = response.content.decode()
    assert 'class="error-summary"' in html
    for field in ("id_email", "id_consent", "id_phone"):
        assert f'href="#{field}"' in html  # listed at the top, linked
    assert 'aria-invalid="true"' in html
    assert 'value="Aino Andersson"' in html and "Vi undrar över budgeten &lt;3" in html
    assert not HelpRequest.objects.exists() and not mail.outbox


def test_valid_request_reaches_the_admin_and_sends_both_emails(
    client, coordinator_client, coordinator_user, call, valid
):
    response = client.post("/fi/bidrag/kulturbidrag/hjalp/", protected(valid))
    assert response.status_code == 302
    assert response["Location"] == "/fi/bidrag/kulturbidrag/hjalp/skickat/"
    assert "Kiitos kysymyksestäsi" in client.get(response["Location"]).content.decode()
    record = HelpRequest.objects.get()
    assert (record.email, record.language, record.status) == (
        "aino@example.org",
        "fi",
        "new",
    )
    assert (
        record.consent_version == "2026-11-24" and len(record.consent_text_hash) == 64
    )
    to_coordinator, receipt = mail.outbox
    assert coordinator_user.email in to_coordinator.to
    assert to_coordinator.subject == "Hjälpförfrågan: Kulturbidrag"  # Swedish
    assert to_coordinator.reply_to == ["aino@example.org"]
    assert "/admin/bidrag/hjalpforfragningar/" in to_coordinator.body
    assert receipt.to == ["aino@example.org"]
    assert receipt.subject == "Olemme saaneet kysymyksesi avustuksesta"  # Finnish
    listing = coordinator_client.get("/admin/bidrag/hjalpforfragningar/")
    assert "Aino Andersson" in listing.content.decode()
    edit = coordinator_client.get(f"/admin/bidrag/hjalpforfragningar/edit/{record.pk}/")
    assert edit.status_code == 200


def test_typed_association_is_matched_or_offered(client, call, valid, make_association):
    exact = make_association(title="Norrby Kör")
    make_association(title="Norrby Kör och Orkester")
    make_association(title="Hemlig Kör", unlisted=True)
    # One exact match: linked at once.
    client.post(
        "/bidrag/kulturbidrag/hjalp/", protected(valid, association_name="norrby kör")
    )
    assert HelpRequest.objects.get().association == exact
    # Near matches: offered as radio buttons, never the unlisted one.
    response = client.post(
        "/bidrag/kulturbidrag/hjalp/", protected(valid, association_name="Kör")
    )
    assert response.status_code == 400
    html = response.content.decode()
    assert "Norrby Kör och Orkester" in html and "Hemlig" not in html
    assert 'name="association_choice"' in html
    # "None of these": the typed name is kept as it is.
    client.post(
        "/bidrag/kulturbidrag/hjalp/",
        protected(valid, association_name="Kör", association_choice="annan"),
    )
    latest = HelpRequest.objects.order_by("-pk").first()
    assert latest.association is None and latest.association_name == "Kör"


def test_form_is_prefilled_for_a_representative(
    login_client, call, make_rep, make_association, valid
):
    association = make_association(title="Söderstrands seniorer")
    rep = make_rep(association, email="rut@example.org")
    rep_client = login_client(rep)
    html = rep_client.get("/bidrag/kulturbidrag/hjalp/").content.decode()
    assert 'value="rut@example.org"' in html and "Söderstrands seniorer" in html
    rep_client.post(
        "/bidrag/kulturbidrag/hjalp/",
        protected(valid, association_choice=str(association.pk)),
    )
    record = HelpRequest.objects.get()
    assert record.association == association and record.representative == rep


def test_honeypot_and_rate_limit(client, call, valid):
    assert (
        client.post(
            "/bidrag/kulturbidrag/hjalp/", protected(valid, homepage_url="http://spam")
        ).status_code
        == 400
    )
    for _ in range(5):
        client.post("/bidrag/kulturbidrag/hjalp/", protected(valid))
    assert (
        client.post("/bidrag/kulturbidrag/hjalp/", protected(valid)).status_code == 429
    )
    assert HelpRequest.objects.count() == 4  # the honeypot post counted too
