"""Issue 10, point 4: an invitation links nobody until the invitee accepts from
their own email; removing someone never deletes another person's data; the
email carries no text the inviter typed; invitations are rate-limited."""

from __future__ import annotations

import datetime

import pytest
from django.core import mail
from django.core.cache import cache
from django.test import Client
from django.utils import timezone

from foreningar import services
from foreningar.models import (
    Invitation,
    RegistrationApplication,
    Representative,
    RepresentativeLink,
)
from tests.helpers import links_in, path_of, protected

pytestmark = pytest.mark.django_db

STRANGER = "stranger@example.org"


@pytest.fixture(autouse=True)
def _fresh_limits():
    cache.clear()


@pytest.fixture
def association(make_association):
    return make_association(title="Byalaget Östra Norrby")


@pytest.fixture
def rep(association, make_rep):
    return make_rep(association, email="rut@example.org", name="Rut")


@pytest.fixture
def client_a(login_client, rep):
    return login_client(rep)


def _invite(client, association, email=STRANGER, role="Sekreterare", language="fi"):
    return client.post(
        f"/min-forening/{association.pk}/bjud-in/",
        {"email": email, "role": role, "language": language},
    )


def _accept_path(message) -> str:
    return path_of(next(u for u in links_in(message) if "/inbjudan/" in u))


def _stranger_application() -> RegistrationApplication:
    return RegistrationApplication.objects.create(
        kind="register",
        data={"title": "Främlingens förening"},
        applicant_name="Främling",
        applicant_email=STRANGER,
        applicant_role="Ordförande",
        consent_version="1",
        consent_text_hash="0" * 64,
        consented_at=timezone.now(),
    )


def test_an_invitation_links_nobody_until_accepted(client_a, association):
    response = _invite(client_a, association, role="Gratis pengar på evil.example")
    assert response.status_code == 302
    assert not Representative.objects.filter(email=STRANGER).exists()
    assert not RepresentativeLink.objects.filter(representative__email=STRANGER)
    invitation = Invitation.objects.get()
    assert invitation.email == STRANGER

    message = mail.outbox[-1]
    assert message.to == [STRANGER]
    # Finnish, as the inviter chose; nothing the inviter typed is in it.
    assert "Byalaget Östra Norrby" in message.subject
    text = message.subject + message.body + message.alternatives[0][0]
    assert "evil.example" not in text and "Rut" not in text
    assert "kutsu" in message.body.lower()

    # The invitee opens the link: a page that asks, not a login.
    path = _accept_path(message)
    invitee = Client()
    page = invitee.get(path)
    assert page.status_code == 200
    assert "Byalaget Östra Norrby" in page.content.decode()
    assert not Representative.objects.filter(email=STRANGER).exists()

    response = invitee.post(path, protected(name="Stina Främling", consent="on"))
    assert response.status_code == 302
    person = Representative.objects.get(email=STRANGER)
    assert person.name == "Stina Främling"  # their own name, not the inviter's
    assert RepresentativeLink.objects.get(representative=person).role == (
        "Gratis pengar på evil.example"
    )
    assert not Invitation.objects.exists()
    assert "Byalaget Östra Norrby" in invitee.get("/min-forening/").content.decode()
    # The link works once.
    assert Client().get(path).status_code == 400


def test_accepting_needs_a_name_and_consent(client_a, association):
    _invite(client_a, association)
    path = _accept_path(mail.outbox[-1])
    response = Client().post(path, protected(name="", consent=""))
    assert response.status_code == 400
    assert set(response.context["form"].errors) >= {"name", "consent"}
    assert not Representative.objects.filter(email=STRANGER).exists()


def test_invite_then_withdraw_or_remove_leaves_a_strangers_data_alone(
    client_a, association, login_client
):
    application = _stranger_application()
    _invite(client_a, association)
    invitation = Invitation.objects.get()
    path = _accept_path(mail.outbox[-1])

    # Withdrawn: the invitation and its link go; the stranger's data stays.
    url = f"/min-forening/{association.pk}/inbjudningar/{invitation.pk}/aterkalla/"
    assert client_a.get(url).status_code == 405
    assert client_a.post(url).status_code == 302
    assert not Invitation.objects.exists()
    assert Client().get(path).status_code == 400
    assert RegistrationApplication.objects.filter(pk=application.pk).exists()

    # Accepted, then removed by the inviter: only the link to this
    # association and the person's own row go, never their applications.
    _invite(client_a, association)
    Client().post(_accept_path(mail.outbox[-1]), protected(name="Stina", consent="on"))
    link = RepresentativeLink.objects.get(representative__email=STRANGER)
    remove = f"/min-forening/{association.pk}/representanter/{link.pk}/ta-bort/"
    assert client_a.post(remove).status_code == 302
    assert not Representative.objects.filter(email=STRANGER).exists()
    assert RegistrationApplication.objects.filter(pk=application.pk).exists()


def test_a_draft_association_cannot_invite(make_association, make_rep, login_client):
    draft = make_association(title="Nystartade föreningen")
    draft.unpublish()
    client = login_client(make_rep(draft, email="ny@example.org"))
    response = _invite(client, draft)
    assert response.status_code == 409
    assert not Invitation.objects.exists()
    assert not mail.outbox


def test_already_a_representative_or_already_invited(client_a, association, rep):
    response = _invite(client_a, association, email=rep.email)
    assert response.status_code == 400
    assert response.context["form"].errors["email"]
    assert _invite(client_a, association).status_code == 302
    response = _invite(client_a, association)
    assert response.status_code == 400
    assert "redan en inbjudan" in str(response.context["form"].errors["email"])
    assert Invitation.objects.count() == 1


def test_invitations_are_limited_per_association_and_per_recipient(
    client_a, association, make_association, make_rep, login_client
):
    for n in range(services.invitations.PER_ASSOCIATION_PER_DAY):
        assert (
            _invite(client_a, association, email=f"p{n}@example.org").status_code == 302
        )
    response = _invite(client_a, association, email="one-more@example.org")
    assert response.status_code == 429
    assert not Invitation.objects.filter(email="one-more@example.org").exists()

    # One address, invited by many associations.
    for n in range(services.invitations.PER_RECIPIENT_PER_DAY + 1):
        other = make_association(title=f"Förening {n}")
        client = login_client(make_rep(other, email=f"rep{n}@example.org"))
        response = _invite(client, other, email="target@example.org")
    assert response.status_code == 429
    assert Invitation.objects.filter(email="target@example.org").count() == (
        services.invitations.PER_RECIPIENT_PER_DAY
    )


def test_expired_invitations_are_refused_and_purged(client_a, association):
    _invite(client_a, association)
    path = _accept_path(mail.outbox[-1])
    Invitation.objects.update(expires_at=timezone.now() - datetime.timedelta(minutes=1))
    response = Client().get(path)
    assert response.status_code == 410
    assert "Kutsu on vanhentunut" in response.content.decode()  # in Finnish
    assert services.purge_expired_invitations() == 1
    assert not Invitation.objects.exists()
    assert Client().get(path).status_code == 400


def test_pending_invitations_are_listed_for_the_association(client_a, association):
    _invite(client_a, association)
    page = client_a.get(f"/min-forening/{association.pk}/").content.decode()
    assert STRANGER in page and "Återkalla" in page
