"""The coordinator's side: subscribers only for the Koordinatorer group,
their CSV export through safe_cell, the import (check first, then apply)."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import Permission
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from coordinator.newsletters.models import Subscriber, SubscriberImport

pytestmark = pytest.mark.django_db


def test_only_coordinators_see_subscribers(
    client, coordinator_client, make_subscriber, django_user_model
):
    anna = make_subscriber("anna@example.org", name='=HYPERLINK("http://x")')
    url = reverse("prenumeranter:index")
    inspect = coordinator_client.get(reverse("prenumeranter:inspect", args=[anna.pk]))
    assert inspect.status_code == 200
    assert "Föreningsnytt" in inspect.content.decode()
    listing = coordinator_client.get(url)
    assert listing.status_code == 200
    assert "anna@example.org" in listing.content.decode()
    filtered = coordinator_client.get(
        url, {"status": "active", "language": "sv", "q": "anna"}
    )
    assert "anna@example.org" in filtered.content.decode()

    export = coordinator_client.get(url, {"export": "csv"})
    body = b"".join(export.streaming_content).decode()
    assert "anna@example.org" in body
    assert "'=HYPERLINK" in body

    editor = django_user_model.objects.create_user("redaktor", password="x")
    editor.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(editor)
    assert client.get(url).status_code in (302, 403)
    assert client.get(reverse("newsletters_admin:import")).status_code in (302, 403)


CSV = (
    "e-post;namn;språk;ämnen;samtycke\n"
    "med.samtycke@example.org;Maja;fi;bidrag,Utbildningar;2025-03-14\n"
    "utan.samtycke@example.org;;sv;;\n"
    "finns@example.org;;sv;;2025-01-01\n"
    "inte-en-adress;;sv;;\n"
    "okant.amne@example.org;;sv;kattvård;\n"
    "fel.sprak@example.org;;de;;\n"
    "framtid@example.org;;sv;;2999-01-01\n"
)


def test_import_checks_first_then_activates_consented_rows_and_invites_the_rest(
    coordinator_client, make_subscriber
):
    make_subscriber("finns@example.org", language="sv")
    upload = SimpleUploadedFile("lista.csv", CSV.encode("utf-8-sig"), "text/csv")
    answer = coordinator_client.post(
        reverse("newsletters_admin:import"),
        {"file": upload, "privacy_version": "2025-01"},
    )
    assert answer.status_code == 302
    staged = SubscriberImport.objects.get()
    assert staged.summary["with_consent"] == 1
    assert staged.summary["invitations"] == 1
    assert staged.summary["existing"] == 1
    assert [line for line, _why in staged.summary["errors"]] == [5, 6, 7, 8]
    # The dry run changed nothing.
    assert Subscriber.objects.count() == 1
    review = coordinator_client.get(answer["Location"])
    assert "ogiltig e-postadress" in review.content.decode()

    coordinator_client.post(answer["Location"], {"action": "apply"})
    active = Subscriber.objects.get(email="med.samtycke@example.org")
    assert active.status == Subscriber.Status.ACTIVE
    assert active.source == Subscriber.Source.IMPORT
    assert active.privacy_version == "2025-01"
    assert active.subscribed_at.date().isoformat() == "2025-03-14"
    assert sorted(active.topics.values_list("slug", flat=True)) == [
        "bidrag",
        "utbildningar",
    ]
    invited = Subscriber.objects.get(email="utan.samtycke@example.org")
    assert invited.status == Subscriber.Status.PENDING
    assert invited.topics.count() == 4  # no topics given: all of them
    assert [m.to for m in mail.outbox] == [["utan.samtycke@example.org"]]
    assert mail.outbox[0].subject == "Vill du fortsätta få vårt nyhetsbrev?"
    staged.refresh_from_db()
    assert staged.applied_at is not None and staged.rows == []
    # Applying twice does nothing more.
    coordinator_client.post(answer["Location"], {"action": "apply"})
    assert Subscriber.objects.count() == 3


@pytest.mark.parametrize(
    "content",
    [
        b"",
        b"namn;spr\xe5k\nAnna;sv\n",
        b"\xff\xfe\x00\x00garbage",
        b'e-post\n"oavslutad',
    ],
)
def test_a_bad_file_gets_a_message_not_a_500(coordinator_client, content):
    upload = SimpleUploadedFile("lista.csv", content, "text/csv")
    answer = coordinator_client.post(
        reverse("newsletters_admin:import"), {"file": upload, "privacy_version": "1"}
    )
    assert answer.status_code in (302, 400)
    if answer.status_code == 400:
        assert (
            'class="error-message"' in answer.content.decode()
            or "error" in answer.content.decode()
        )
    assert not Subscriber.objects.exists()
