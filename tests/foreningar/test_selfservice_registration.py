"""Registration at /foreningar/registrera/: form, abuse protection, email
verification, duplicates, and the coordinator's review in Wagtail."""

from __future__ import annotations

import html
import time
from unittest import mock

import pytest
from django.core import mail
from wagtail.models import PageLogEntry, WorkflowState

from foreningar.models import (
    AssociationPage,
    RegistrationApplication,
    Representative,
)
from foreningar.selfservice import services

from .selfservice_fixtures import *  # noqa: F403
from .selfservice_fixtures import form_started, links_in

pytestmark = pytest.mark.django_db

URL = "/foreningar/registrera/"


def _post(client, data, **extra):
    return client.post(URL, data, **extra)


def _confirm_url(message) -> str:
    url = next(link for link in links_in(message) if "/bekrafta/" in link)
    return url.split("://", 1)[1].split("/", 1)[1].join(["/", ""])


def _path(url: str) -> str:
    return "/" + url.split("://", 1)[1].split("/", 1)[1]


def _register_and_confirm(client, registration_data):
    response = _post(client, registration_data)
    assert response.status_code == 302, response.content.decode()[:2000]
    confirm = _path(
        next(link for link in links_in(mail.outbox[-1]) if "/bekrafta/" in link)
    )
    response = client.post(confirm)
    assert response.status_code == 302
    return RegistrationApplication.objects.get()


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
    assert 'name="website"' in content  # honeypot
    assert 'name="web_address"' in content


def test_valid_registration_stores_application_and_emails_48h_link(
    client, registration_page, registration_data
):
    response = _post(client, registration_data)
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
    response = _post(client, data)
    assert response.status_code == 400
    content = html.unescape(response.content.decode())
    for name, value in data.items():
        if name in {"started", "website", "consent"} or not value:
            continue
        assert value.split("\n")[0] in content, name
    # Error summary at the top links to the fields; the field shows its error.
    assert 'href="#id_org_id"' in content
    assert 'href="#id_consent"' in content
    assert 'id="id_org_id_error"' in content
    assert "kontrollsiffran är fel" in content
    # A fresh start time so the corrected form is not refused as stale/too fast.
    assert 'name="started"' in content
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
    | {"public_email", "web_address", "applicant_email", "org_id_kind"}
)


@pytest.mark.parametrize("field", REQUIRED)
def test_required_fields_empty(client, registration_page, registration_data, field):
    response = _post(client, dict(registration_data, **{field: ""}))
    assert response.status_code == 400
    assert response.context["form"].errors[field]


@pytest.mark.parametrize("field", sorted(FIELD_LIMITS))
def test_too_long(client, registration_page, registration_data, field):
    response = _post(
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
    response = _post(client, dict(registration_data, **{field: bad}))
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
    response = _post(client, dict(registration_data, **{field: "<script>x</script>"}))
    assert response.status_code == 400
    assert response.context["form"].errors[field]


def test_script_in_description_is_a_field_error(
    client, registration_page, registration_data
):
    data = dict(registration_data, description="Hej <script>alert(1)</script>")
    response = _post(client, data)
    assert response.status_code == 400
    assert response.context["form"].errors["description"]
    # Markup the model's rich text allows is kept; the rest is escaped.
    data["description"] = (
        'Vi <b>spelar</b> <3 <a href="https://x.se" class="y">schack</a>'
    )
    assert _post(client, data).status_code == 302
    stored = RegistrationApplication.objects.get().data["description"]
    assert stored == '<p>Vi <b>spelar</b> &lt;3 <a href="https://x.se">schack</a></p>'


def test_unicode_is_accepted(client, registration_page, registration_data):
    data = dict(
        registration_data,
        title="Kulturföreningen Åäö – نادي الثقافة 🎭",
        applicant_name="Zoë Ødegård-Nguyễn",
        town="Åbo",
    )
    response = _post(client, data)
    assert response.status_code == 302
    assert RegistrationApplication.objects.get().data["title"] == data["title"]


@pytest.mark.parametrize(
    "kind,value",
    [
        ("se_orgnr", "802012-3455"),
        ("fi_ytunnus", "2077474-1"),
        ("fi_association", "12x.456"),
        ("", "802012-3454"),
    ],
)
def test_wrong_identifier(client, registration_page, registration_data, kind, value):
    response = _post(client, dict(registration_data, org_id_kind=kind, org_id=value))
    assert response.status_code == 400
    errors = response.context["form"].errors
    assert errors.get("org_id") or errors.get("org_id_kind")


def test_bad_email_and_url(client, registration_page, registration_data):
    response = _post(
        client,
        dict(
            registration_data,
            applicant_email="inte en adress",
            public_email="a@b",
            web_address="javascript:alert(1)",
        ),
    )
    assert response.status_code == 400
    errors = response.context["form"].errors
    assert {"applicant_email", "public_email", "web_address"} <= set(errors)


def test_honeypot_and_minimum_fill_time(client, registration_page, registration_data):
    response = _post(client, dict(registration_data, website="http://spam"))
    assert response.status_code == 400
    assert response.context["form"].non_field_errors()
    response = _post(client, dict(registration_data, started=form_started(0)))
    assert response.status_code == 400
    assert response.context["form"].non_field_errors()
    assert not RegistrationApplication.objects.exists()


def test_registration_is_rate_limited_per_ip(
    client, registration_page, registration_data
):
    data = dict(registration_data, consent="")
    for _ in range(20):
        assert _post(client, data).status_code == 400
    response = _post(client, registration_data)
    assert response.status_code == 429
    assert not RegistrationApplication.objects.exists()
    # Another address is not affected.
    other = _post(client, registration_data, REMOTE_ADDR="10.0.0.9")
    assert other.status_code == 302


def test_confirm_creates_draft_page_representative_and_workflow(
    client, registration_page, registration_data, coordinator_user
):
    response = _post(client, registration_data)
    confirm = _path(next(u for u in links_in(mail.outbox[0]) if "/bekrafta/" in u))
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
    assert client.session[services.SESSION_KEY] == rep.pk
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
    _post(client, registration_data)
    confirm = _path(next(u for u in links_in(mail.outbox[0]) if "/bekrafta/" in u))
    token = confirm.rstrip("/").rsplit("/", 1)[1]

    tampered = client.get(URL + f"bekrafta/{token[:-3]}abc/")
    assert tampered.status_code == 400
    assert "Länken fungerar inte" in tampered.content.decode()
    assert client.get(URL + "bekrafta/inte-en-token/").status_code == 400

    later = time.time() + 49 * 3600
    with mock.patch("django.core.signing.time.time", return_value=later):
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
    _post(client, registration_data)
    mail.outbox = []
    url = URL + "ny-lank/"
    known = client.post(url, {"email": "aino@example.org", "started": form_started()})
    unknown = client.post(
        url, {"email": "ingen@example.org", "started": form_started()}
    )
    assert known.status_code == unknown.status_code == 302
    assert known["Location"] == unknown["Location"]
    assert len(mail.outbox) == 1 and mail.outbox[0].to == ["aino@example.org"]


def test_org_id_duplicate_offers_request_access(
    client, registration_page, registration_data, association_of, make_rep
):
    existing = association_of(
        title="Schackklubben", org_id_kind="se_orgnr", org_id="802012-3454"
    )
    existing_rep = make_rep(existing, email="ordf@example.org")
    response = _post(client, registration_data)
    assert response.status_code == 409
    content = response.content.decode()
    assert "Schackklubben" in content
    assert "Det här är vi – begär åtkomst" in content
    assert 'value="continue"' not in content  # same number: no second registration
    # Everything typed is still in the form.
    assert "Norrby bibliotek" in content
    # "Continue" anyway is refused for an identical organisation number.
    again = _post(client, dict(registration_data, decision="continue"))
    assert again.status_code == 409
    assert not RegistrationApplication.objects.exists()

    response = _post(client, dict(registration_data, decision=f"access:{existing.pk}"))
    assert response.status_code == 302
    application = RegistrationApplication.objects.get()
    assert application.kind == RegistrationApplication.Kind.ACCESS
    confirm = _path(next(u for u in links_in(mail.outbox[-1]) if "/bekrafta/" in u))
    mail.outbox = []
    assert client.post(confirm).status_code == 302
    recipients = {address for m in mail.outbox for address in m.to}
    assert "ordf@example.org" in recipients
    assert AssociationPage.objects.count() == 1  # no second association
    assert not Representative.objects.exclude(pk=existing_rep.pk).exists()
    assert "meddelat koordinatorn" in client.get(URL + "klart/").content.decode()


def test_access_request_notifies_coordinator(
    client, registration_page, registration_data, association_of, coordinator_user
):
    existing = association_of(org_id_kind="se_orgnr", org_id="802012-3454")
    _post(client, dict(registration_data, decision=f"access:{existing.pk}"))
    confirm = _path(next(u for u in links_in(mail.outbox[-1]) if "/bekrafta/" in u))
    mail.outbox = []
    client.post(confirm)
    to_coordinator = [m for m in mail.outbox if coordinator_user.email in m.to]
    assert to_coordinator and "Aino Andersson" in to_coordinator[0].body
    assert PageLogEntry.objects.filter(
        page=existing, action="foreningar.access_requested"
    ).exists()


def test_near_identical_name_in_same_town_may_continue(
    client, registration_page, registration_data, association_of
):
    association_of(title="Norrbyns Schackklubb r.f.", town="exempelstad")
    data = dict(registration_data, org_id_kind="", org_id="")
    response = _post(client, data)
    assert response.status_code == 200
    content = response.content.decode()
    assert "Norrbyns Schackklubb r.f." in content
    assert 'value="continue"' in content
    assert not RegistrationApplication.objects.exists()
    response = _post(client, dict(data, decision="continue"))
    assert response.status_code == 302
    assert RegistrationApplication.objects.get().kind == "register"


def test_same_name_in_another_town_is_not_a_duplicate(
    client, registration_page, registration_data, association_of
):
    association_of(title="Norrbyns schackklubb", town="Annanstad")
    response = _post(client, dict(registration_data, org_id_kind="", org_id=""))
    assert response.status_code == 302


def _approve(page, user, comment=""):
    state = WorkflowState.objects.active().for_instance(page).get()
    state.current_task_state.approve(user=user, comment=comment)


def _reject(page, user, comment):
    state = WorkflowState.objects.active().for_instance(page).get()
    state.current_task_state.reject(user=user, comment=comment)


def test_approval_publishes_and_emails_login_link(
    client, registration_page, registration_data, coordinator_user
):
    application = _register_and_confirm(client, registration_data)
    page = application.association
    mail.outbox = []
    _approve(page, coordinator_user)
    page.refresh_from_db()
    assert page.live
    application.refresh_from_db()
    assert application.status == RegistrationApplication.Status.APPROVED
    message = next(m for m in mail.outbox if m.to == ["aino@example.org"])
    assert "godkänd" in message.subject
    assert any("/min-forening/logga-in/" in link for link in links_in(message))
    assert message.alternatives  # HTML part too
    actions = set(
        PageLogEntry.objects.filter(page=page).values_list("action", flat=True)
    )
    assert {"wagtail.workflow.approve", "wagtail.publish"} <= actions


def test_request_changes_emails_the_comment_and_resubmission_resumes(
    client, registration_page, registration_data, coordinator_user, login_client
):
    application = _register_and_confirm(client, registration_data)
    page = application.association
    mail.outbox = []
    _reject(page, coordinator_user, "Skriv mötestiderna tydligare, tack.")
    message = next(m for m in mail.outbox if m.to == ["aino@example.org"])
    assert "Skriv mötestiderna tydligare, tack." in message.body
    assert "kompletteras" in message.subject
    page.refresh_from_db()
    assert not page.live

    rep = Representative.objects.get()
    dashboard = login_client(rep).get("/min-forening/").content.decode()
    assert "Skriv mötestiderna tydligare, tack." in dashboard
    services.submit_profile_change(page, rep, {"meeting_times": "Tisdagar 18.00–20.00"})
    state = WorkflowState.objects.active().for_instance(page).get()
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    _approve(page, coordinator_user)
    page.refresh_from_db()
    assert page.live and page.meeting_times == "Tisdagar 18.00–20.00"


def test_no_applicant_data_on_public_pages(
    client, registration_page, registration_data, coordinator_user
):
    application = _register_and_confirm(client, registration_data)
    _approve(application.association, coordinator_user)
    page = AssociationPage.objects.get()
    public = __import__("django.test", fromlist=["Client"]).Client()
    urls = [
        page.url,
        "/foreningar/",
        "/api/v2/pages/?type=foreningar.AssociationPage&fields=*",
    ]
    urls += [f"/api/v2/pages/{page.pk}/", "/sok/?q=Norrbyns"]
    for url in urls:
        response = public.get(url)
        assert response.status_code in (200, 404), (url, response.status_code)
        content = response.content.decode()
        for secret in ("Aino", "aino@example.org", "070-111 22 33", "Ordförande"):
            assert secret not in content, (url, secret)
