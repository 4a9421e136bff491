"""manage.py send_verification_reminders, and the coordinator's admin for
representatives (export, erase) and the audit log."""

from __future__ import annotations

import datetime

import pytest
from django.core import mail
from django.core.management import call_command
from django.test import override_settings
from django.utils import timezone
from wagtail.models import PageLogEntry

from core.models import EmailedLink
from foreningar import services
from foreningar.models import (
    RegistrationApplication,
    Representative,
    RepresentativeLink,
    VerificationReminder,
)

pytestmark = pytest.mark.django_db

DAY = datetime.timedelta(days=1)


@pytest.fixture
def stale(make_association, make_rep):
    page = make_association(
        title="Gamla föreningen", last_verified_at=timezone.now() - 400 * DAY
    )
    make_rep(page, email="gammal1@example.org")
    make_rep(page, email="gammal2@example.org")
    return page


def test_reminds_representatives_once_and_is_idempotent(
    stale, make_association, make_rep
):
    fresh = make_association(title="Nya", last_verified_at=timezone.now() - 10 * DAY)
    make_rep(fresh, email="ny@example.org")
    make_association(
        title="Utan representanter", last_verified_at=timezone.now() - 900 * DAY
    )

    call_command("send_verification_reminders", stdout=open("/dev/null", "w"))
    recipients = sorted(address for m in mail.outbox for address in m.to)
    assert recipients == ["gammal1@example.org", "gammal2@example.org"]
    message = mail.outbox[0]
    assert "Gamla föreningen" in message.subject
    assert "/min-forening/logga-in/" in message.body
    assert message.alternatives
    assert VerificationReminder.objects.get(association=stale).reminder_sent_at

    mail.outbox = []
    call_command("send_verification_reminders", stdout=open("/dev/null", "w"))
    assert mail.outbox == []  # running twice sends nothing new
    assert (
        PageLogEntry.objects.filter(
            page=stale, action="foreningar.reminder_sent"
        ).count()
        == 1
    )


def test_at_most_one_reminder_per_30_days(stale):
    now = timezone.now()
    assert services.send_verification_reminders(now) == 1
    assert services.send_verification_reminders(now + 29 * DAY) == 0
    assert services.send_verification_reminders(now + 31 * DAY) == 1


def test_confirming_stops_the_reminders(stale, make_rep):
    rep = stale.representative_links.first().representative
    services.confirm_data_unchanged(stale, rep)
    assert services.send_verification_reminders() == 0


def test_unpublished_and_never_verified(make_association, make_rep):
    draft = make_association(title="Utkast", live=False, last_verified_at=None)
    make_rep(draft, email="utkast@example.org")
    old = make_association(title="Aldrig bekräftad", last_verified_at=None)
    type(old).objects.filter(pk=old.pk).update(
        first_published_at=timezone.now() - 500 * DAY
    )
    make_rep(old, email="aldrig@example.org")
    assert services.send_verification_reminders() == 1
    assert [m.to for m in mail.outbox] == [["aldrig@example.org"]]


@override_settings(FORENINGAR_VERIFY_AFTER_DAYS=30)
def test_period_is_a_setting(make_association, make_rep):
    page = make_association(last_verified_at=timezone.now() - 40 * DAY)
    make_rep(page)
    assert services.send_verification_reminders() == 1


def test_command_purges_old_unconfirmed_applications(stale):
    old = RegistrationApplication.objects.create(
        applicant_name="X",
        applicant_email="x@example.org",
        applicant_role="r",
        consent_version="1",
        consent_text_hash="0" * 64,
        consented_at=timezone.now(),
    )
    RegistrationApplication.objects.filter(pk=old.pk).update(
        created_at=timezone.now() - 31 * DAY
    )
    call_command("send_verification_reminders", stdout=open("/dev/null", "w"))
    assert not RegistrationApplication.objects.exists()


# --- Coordinator's admin -------------------------------------------------------------


def test_representative_admin_list_and_csv_export(coordinator_client, stale):
    response = coordinator_client.get("/admin/representanter/")
    assert response.status_code == 200
    assert "gammal1@example.org" in response.content.decode()
    export = coordinator_client.get("/admin/representanter/?export=csv")
    assert export.status_code == 200
    body = (
        b"".join(export.streaming_content).decode()
        if export.streaming
        else export.content.decode()
    )
    assert "gammal2@example.org" in body


def test_erasing_a_representative_leaves_no_dangling_rows(coordinator_client, stale):
    rep = Representative.objects.get(email="gammal1@example.org")
    services.login_link_context(rep)
    RegistrationApplication.objects.create(
        applicant_name="G",
        applicant_email=rep.email,
        applicant_role="r",
        consent_version="1",
        consent_text_hash="0" * 64,
        consented_at=timezone.now(),
    )
    url = f"/admin/representanter/delete/{rep.pk}/"
    assert coordinator_client.get(url).status_code == 200
    assert coordinator_client.post(url).status_code == 302
    assert not Representative.objects.filter(pk=rep.pk).exists()
    assert not RepresentativeLink.objects.filter(representative_id=rep.pk).exists()
    assert not EmailedLink.objects.filter(object_id=rep.pk).exists()
    assert not RegistrationApplication.objects.filter(
        applicant_email=rep.email
    ).exists()
    assert RepresentativeLink.objects.filter(association=stale).count() == 1


def test_application_admin_and_audit_log_labels(coordinator_client, stale):
    rep = stale.representative_links.first().representative
    services.confirm_data_unchanged(stale, rep)
    assert coordinator_client.get("/admin/registreringsansokningar/").status_code == 200
    history = coordinator_client.get(f"/admin/pages/{stale.pk}/history/")
    assert history.status_code == 200
    assert "Uppgifterna stämmer" in history.content.decode()
    assert rep.email not in history.content.decode()


def test_coordinator_can_link_a_representative_in_the_admin(coordinator_client, stale):
    rep = Representative.objects.get(email="gammal1@example.org")
    response = coordinator_client.get(f"/admin/representanter/edit/{rep.pk}/")
    assert response.status_code == 200
    content = response.content.decode()
    assert "gammal1@example.org" in content
    assert "Gamla föreningen" in content  # the linked association, via a page chooser
