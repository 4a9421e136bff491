"""Registration that meets the register: possible duplicates, requests for
access, and the coordinator's review in Wagtail."""

from __future__ import annotations

import pytest
from django.core import mail
from wagtail.models import PageLogEntry, WorkflowState

from foreningar import services
from foreningar.models import (
    AssociationPage,
    RegistrationApplication,
    Representative,
)
from tests.helpers import links_in, path_of

from .registration_helpers import URL, post_registration, register_and_confirm

pytestmark = pytest.mark.django_db


def test_org_id_duplicate_offers_request_access(
    client, registration_page, registration_data, make_association, make_rep
):
    existing = make_association(
        title="Schackklubben", org_id_kind="se_orgnr", org_id="802012-3454"
    )
    existing_rep = make_rep(existing, email="ordf@example.org")
    response = post_registration(client, registration_data)
    assert response.status_code == 409
    content = response.content.decode()
    assert "Schackklubben" in content
    assert "Det här är vi – begär åtkomst" in content
    assert 'value="continue"' not in content  # same number: no second registration
    # Everything typed is still in the form.
    assert "Norrby bibliotek" in content
    # "Continue" anyway is refused for an identical organisation number.
    again = post_registration(client, dict(registration_data, decision="continue"))
    assert again.status_code == 409
    assert not RegistrationApplication.objects.exists()

    response = post_registration(client, dict(registration_data, decision="access:org"))
    assert response.status_code == 302
    application = RegistrationApplication.objects.get()
    assert application.kind == RegistrationApplication.Kind.ACCESS
    confirm = path_of(next(u for u in links_in(mail.outbox[-1]) if "/bekrafta/" in u))
    mail.outbox = []
    assert client.post(confirm).status_code == 302
    recipients = {address for m in mail.outbox for address in m.to}
    assert "ordf@example.org" in recipients
    assert AssociationPage.objects.count() == 1  # no second association
    assert not Representative.objects.exclude(pk=existing_rep.pk).exists()
    assert "meddelat koordinatorn" in client.get(URL + "klart/").content.decode()


def test_access_request_notifies_coordinator(
    client, registration_page, registration_data, make_association, coordinator_user
):
    existing = make_association(org_id_kind="se_orgnr", org_id="802012-3454")
    post_registration(client, dict(registration_data, decision="access:org"))
    confirm = path_of(next(u for u in links_in(mail.outbox[-1]) if "/bekrafta/" in u))
    mail.outbox = []
    client.post(confirm)
    to_coordinator = [m for m in mail.outbox if coordinator_user.email in m.to]
    assert to_coordinator and "Aino Andersson" in to_coordinator[0].body
    assert PageLogEntry.objects.filter(
        page=existing, action="foreningar.access_requested"
    ).exists()


def test_near_identical_name_in_same_town_may_continue(
    client, registration_page, registration_data, make_association
):
    make_association(title="Norrbyns Schackklubb r.f.", town="exempelstad")
    data = dict(registration_data, org_id_kind="", org_id="")
    response = post_registration(client, data)
    assert response.status_code == 200
    content = response.content.decode()
    assert "Norrbyns Schackklubb r.f." in content
    assert 'value="continue"' in content
    assert not RegistrationApplication.objects.exists()
    response = post_registration(client, dict(data, decision="continue"))
    assert response.status_code == 302
    assert RegistrationApplication.objects.get().kind == "register"


def test_same_name_in_another_town_is_not_a_duplicate(
    client, registration_page, registration_data, make_association
):
    make_association(title="Norrbyns schackklubb", town="Annanstad")
    response = post_registration(
        client, dict(registration_data, org_id_kind="", org_id="")
    )
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
    application = register_and_confirm(client, registration_data)
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
    application = register_and_confirm(client, registration_data)
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
    application = register_and_confirm(client, registration_data)
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
