"""Registration at /foreningar/registrera/: form, abuse protection, email
verification, duplicates, and the coordinator's review in Wagtail."""

from __future__ import annotations

import datetime
import html
from unittest import mock

import pytest
from django.core import mail
from django.utils import timezone
from wagtail.models import PageLogEntry, WorkflowState

from core.protection import HONEYPOT_FIELD, TOKEN_FIELD
from foreningar import services
from foreningar.models import (
    AssociationPage,
    RegistrationApplication,
    Representative,
)
from tests.helpers import links_in, path_of, protected

from .registration_helpers import URL, post_registration

pytestmark = pytest.mark.django_db


def test_form_renders_with_labels_consent_and_privacy_version(
    client, registration_page
):
    response = client.get(URL)
    assert response.status_code == 200
    content = response.content.decode()
    assert 'for="id_title"' in content
    assert 'name="consent"' in content
    assert registration_page.privacy_version in content
    assert "obligatoriskt" in content
    assert f'name="{HONEYPOT_FIELD}"' in content
    assert 'name="website"' in content


def test_valid_registration_stores_application_and_emails_48h_link(
    client, registration_page, registration_data
):
    response = post_registration(client, registration_data)
    assert response.status_code == 302
    assert response["Location"] == URL + "skickat/"
    application = RegistrationApplication.objects.get()
    assert application.status == RegistrationApplication.Status.UNCONFIRMED
    assert application.consent_version == registration_page.privacy_version
    assert application.consent_text_hash == registration_page.privacy_text_hash
    assert len(application.consent_text_hash) == 64
    assert application.data["org_id"] == "802012-3454"
    assert application.data["description"] == (
        "<p>Vi träffas varje tisdag.</p><p>Nybörjare är välkomna!</p>"
    )
    # Nothing in the register until the email is confirmed.
    assert not AssociationPage.objects.exists()
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["aino@example.org"]
    assert "48 timmar" in message.body
    assert message.alternatives and "48 timmar" in message.alternatives[0][0]
    sent = client.get(URL + "skickat/")
    assert "48 timmar" in sent.content.decode()


def test_invalid_form_keeps_everything_typed(
    client, registration_page, registration_data
):
    data = dict(registration_data, org_id="802012-3455", consent="")
    response = post_registration(client, data)
    assert response.status_code == 400
    content = html.unescape(response.content.decode())
    for name, value in data.items():
        if name in {TOKEN_FIELD, HONEYPOT_FIELD, "consent"} or not value:
            continue
        assert value.split("\n")[0] in content, name
    # Error summary at the top links to the fields; the field shows its error.
    assert 'href="#id_org_id"' in content
    assert 'href="#id_consent"' in content
    assert 'id="id_org_id_error"' in content
    assert "kontrollsiffran är fel" in content
    # A fresh start token so the corrected form is not refused as replayed.
    assert f'name="{TOKEN_FIELD}"' in content
    assert registration_data[TOKEN_FIELD] not in content
    assert not RegistrationApplication.objects.exists()


FIELD_LIMITS = {
    "title": 120,
    "short_description": 300,
    "description": 5000,
    "meeting_place_name": 120,
    "street_address": 200,
    "postcode": 10,
    "town": 80,
    "meeting_times": 1000,
    "public_phone": 40,
    "applicant_name": 120,
    "applicant_phone": 40,
    "applicant_role": 80,
    "org_id": 20,
}
REQUIRED = [
    "title",
    "short_description",
    "town",
    "applicant_name",
    "applicant_email",
    "applicant_role",
    "consent",
]
ALL_FIELDS = sorted(
    set(FIELD_LIMITS)
    | set(REQUIRED)
    | {"public_email", "website", "applicant_email", "org_id_kind"}
)


@pytest.mark.parametrize("field", REQUIRED)
def test_required_fields_empty(client, registration_page, registration_data, field):
    response = post_registration(client, dict(registration_data, **{field: ""}))
    assert response.status_code == 400
    assert response.context["form"].errors[field]


@pytest.mark.parametrize("field", sorted(FIELD_LIMITS))
def test_too_long(client, registration_page, registration_data, field):
    response = post_registration(
        client, dict(registration_data, **{field: "1" * (FIELD_LIMITS[field] + 1)})
    )
    assert response.status_code == 400
    assert response.context["form"].errors[field]


@pytest.mark.parametrize("field", ALL_FIELDS)
@pytest.mark.parametrize(
    "bad",
    [
        "nul\x00tecken",
        "<script>alert(1)</script>",
        "\ud800".encode("utf-8", "surrogatepass").decode("utf-8", "replace"),
    ],
    ids=["nul", "script", "lone-surrogate"],
)
def test_bad_input_never_500(client, registration_page, registration_data, field, bad):
    response = post_registration(client, dict(registration_data, **{field: bad}))
    assert response.status_code in (302, 400), response.status_code
    if response.status_code == 400 and field != "consent":
        form = response.context["form"]
        assert form.errors.get(field), (field, form.errors)


@pytest.mark.parametrize(
    "field", ["title", "meeting_place_name", "applicant_name", "applicant_role"]
)
def test_script_tags_are_field_errors(
    client, registration_page, registration_data, field
):
    response = post_registration(
        client, dict(registration_data, **{field: "<script>x</script>"})
    )
    assert response.status_code == 400
    assert response.context["form"].errors[field]


def test_script_in_description_is_a_field_error(
    client, registration_page, registration_data
):
    data = dict(registration_data, description="Hej <script>alert(1)</script>")
    response = post_registration(client, data)
    assert response.status_code == 400
    assert response.context["form"].errors["description"]
    # Markup the model's rich text allows is kept; the rest is escaped.
    data["description"] = (
        'Vi <b>spelar</b> <3 <a href="https://x.se" class="y">schack</a>'
    )
    assert post_registration(client, data).status_code == 302
    stored = RegistrationApplication.objects.get().data["description"]
    assert stored == '<p>Vi <b>spelar</b> &lt;3 <a href="https://x.se">schack</a></p>'


def test_unicode_is_accepted(client, registration_page, registration_data):
    data = dict(
        registration_data,
        title="Kulturföreningen Åäö – نادي الثقافة 🎭",
        applicant_name="Zoë Ødegård-Nguyễn",
        town="Åbo",
    )
    response = post_registration(client, data)
    assert response.status_code == 302
    assert RegistrationApplication.objects.get().data["title"] == data["title"]


@pytest.mark.parametrize(
    "kind,value",
    [
        ("se_orgnr", "802012-3455"),
        ("fi_ytunnus", "2077474-1"),
        ("fi_association", "12x.456"),
        # ("", "802012-3454") is accepted now: a valid number names its kind
        # (test_registration_public.py).
    ],
)
def test_wrong_identifier(client, registration_page, registration_data, kind, value):
    response = post_registration(
        client, dict(registration_data, org_id_kind=kind, org_id=value)
    )
    assert response.status_code == 400
    errors = response.context["form"].errors
    assert errors.get("org_id") or errors.get("org_id_kind")


def test_bad_email_and_url(client, registration_page, registration_data):
    response = post_registration(
        client,
        dict(
            registration_data,
            applicant_email="inte en adress",
            public_email="a@b",
            website="javascript:alert(1)",
        ),
    )
    assert response.status_code == 400
    errors = response.context["form"].errors
    assert {"applicant_email", "public_email", "website"} <= set(errors)


def test_honeypot_and_minimum_fill_time(client, registration_page, registration_data):
    response = post_registration(
        client, dict(registration_data, **{HONEYPOT_FIELD: "http://spam"})
    )
    assert response.status_code == 400
    assert response.context["form"].non_field_errors()
    response = post_registration(
        client, dict(registration_data, **protected(seconds_ago=0))
    )
    assert response.status_code == 400
    assert response.context["form"].non_field_errors()
    assert not RegistrationApplication.objects.exists()


def test_registration_is_rate_limited_per_ip(
    client, registration_page, registration_data
):
    data = dict(registration_data, consent="")
    for _ in range(20):
        assert post_registration(client, data).status_code == 400
    response = post_registration(client, registration_data)
    assert response.status_code == 429
    assert not RegistrationApplication.objects.exists()
    # Another address is not affected.
    other = post_registration(client, registration_data, REMOTE_ADDR="10.0.0.9")
    assert other.status_code == 302


def test_confirm_creates_draft_page_representative_and_workflow(
    client, registration_page, registration_data, coordinator_user
):
    response = post_registration(client, registration_data)
    confirm = path_of(next(u for u in links_in(mail.outbox[0]) if "/bekrafta/" in u))
    # Opening the link shows a button; a link scanner's GET confirms nothing.
    assert client.get(confirm).status_code == 200
    assert not AssociationPage.objects.exists()
    mail.outbox = []
    session_key = client.session.session_key
    response = client.post(confirm)
    assert response.status_code == 302
    assert response["Location"] == URL + "klart/"

    page = AssociationPage.objects.get()
    assert not page.live
    assert page.get_parent().specific == registration_page.get_parent().specific
    assert page.title == "Norrbyns schackklubb"
    assert page.org_id == "802012-3454"
    rep = Representative.objects.get()
    assert rep.email == "aino@example.org"
    assert rep.links.get().association == page
    assert rep.links.get().role == "Ordförande"
    state = WorkflowState.objects.active().for_instance(page).get()
    assert state.workflow.name == "Granskning av föreningsuppgifter"
    assert state.current_task_state.task.specific.groups.filter(
        name="Koordinatorer"
    ).exists()
    # Wagtail's own notification went to the coordinator group.
    assert any(coordinator_user.email in m.to for m in mail.outbox)
    # Confirming logs the applicant in with a new session key.
    assert client.session[services.REPRESENTATIVE_SESSION.key] == rep.pk
    assert client.session.session_key != session_key
    done = client.get(URL + "klart/")
    assert "väntar nu på granskning" in done.content.decode()
    actions = set(
        PageLogEntry.objects.filter(page=page).values_list("action", flat=True)
    )
    assert {
        "wagtail.create",
        "foreningar.registration_confirmed",
        "wagtail.workflow.start",
    } <= actions


def test_confirm_link_reused_expired_tampered(
    client, registration_page, registration_data
):
    post_registration(client, registration_data)
    confirm = path_of(next(u for u in links_in(mail.outbox[0]) if "/bekrafta/" in u))
    token = confirm.rstrip("/").rsplit("/", 1)[1]

    tampered = client.get(URL + f"bekrafta/{token[:-3]}abc/")
    assert tampered.status_code == 400
    assert "Länken fungerar inte" in tampered.content.decode()
    assert client.get(URL + "bekrafta/inte-en-token/").status_code == 400

    later = timezone.now() + datetime.timedelta(hours=49)
    with mock.patch("core.links.timezone.now", return_value=later):
        expired = client.get(confirm)
    assert expired.status_code == 410
    content = expired.content.decode()
    assert "Länken har gått ut" in content and "48 timmar" in content
    assert 'name="email"' in content  # a new-link form on the page

    assert client.post(confirm).status_code == 302
    reused = client.post(confirm)
    assert reused.status_code == 409
    assert "redan använd" in reused.content.decode()
    assert AssociationPage.objects.count() == 1


def test_new_verification_link_is_neutral(client, registration_page, registration_data):
    post_registration(client, registration_data)
    mail.outbox = []
    url = URL + "ny-lank/"
    known = client.post(url, protected(email="aino@example.org"))
    unknown = client.post(url, protected(email="ingen@example.org"))
    assert known.status_code == unknown.status_code == 302
    assert known["Location"] == unknown["Location"]
    assert len(mail.outbox) == 1 and mail.outbox[0].to == ["aino@example.org"]
