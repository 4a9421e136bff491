"""The subscriber's side: subscribe (double opt-in, neutral answers), the
confirmation, preferences and one-click links, and what tampered, expired
and used links show."""

from __future__ import annotations

import datetime

import pytest
from django.core import mail
from django.test import Client
from django.utils import timezone

from coordinator.newsletters import services
from coordinator.newsletters.models import Subscriber
from core import links
from core.models import EmailedLink
from tests.helpers import links_in, path_of, protected

pytestmark = pytest.mark.django_db


def _subscribe(client, path="/nyhetsbrev/", **data):
    data = {
        "email": "ny@example.org",
        "topics": ["bidrag", "evenemang"],
        "language": "fi",
        "consent": "on",
        **data,
    }
    return client.post(path, protected(data))


def test_subscribing_is_double_opt_in_in_the_chosen_language(
    client, translated_archive
):
    archive = translated_archive
    answer = _subscribe(client)
    assert answer.status_code == 302
    assert answer["Location"] == "/nyhetsbrev/tack/"
    subscriber = Subscriber.objects.get(email="ny@example.org")
    assert subscriber.status == Subscriber.Status.PENDING
    assert subscriber.source == Subscriber.Source.FORM
    assert subscriber.privacy_version == archive.privacy_version
    assert subscriber.subscribed_at is not None and subscriber.confirmed_at is None
    assert sorted(subscriber.topics.values_list("slug", flat=True)) == [
        "bidrag",
        "evenemang",
    ]

    (message,) = mail.outbox
    assert message.subject == "Vahvista uutiskirjeen tilaus"
    confirm = next(url for url in links_in(message) if "/bekrafta/" in url)
    assert "/fi/uutiskirje/bekrafta/" in confirm
    # Opening the link only asks; the button confirms.
    page = client.get(path_of(confirm))
    assert page.status_code == 200
    assert Subscriber.objects.get(pk=subscriber.pk).status == Subscriber.Status.PENDING
    done = client.post(path_of(confirm))
    assert done.status_code == 200
    assert "Tervetuloa tilaajaksi" in done.content.decode()
    subscriber.refresh_from_db()
    assert subscriber.status == Subscriber.Status.ACTIVE
    assert subscriber.confirmed_at is not None
    assert mail.outbox[-1].subject == "Tervetuloa uutiskirjeen tilaajaksi"
    # Used once: a second use explains and offers a way on.
    again = client.post(path_of(confirm))
    assert again.status_code == 409
    assert "Linkki on jo käytetty" in again.content.decode()


def test_the_answer_is_the_same_whether_the_address_is_known(
    client, archive, make_subscriber
):
    make_subscriber("kand@example.org", topics=["bidrag"], language="sv")
    known = _subscribe(client, email="KAND@example.org")
    unknown = _subscribe(Client(), email="okand@example.org")
    assert (known.status_code, known["Location"]) == (
        unknown.status_code,
        unknown["Location"],
    )
    # The known subscriber keeps their settings and is told so by email.
    kept = Subscriber.objects.get(email="kand@example.org")
    assert kept.language == "sv" and kept.status == Subscriber.Status.ACTIVE
    subjects = {message.to[0]: message.subject for message in mail.outbox}
    assert subjects == {
        "kand@example.org": "Du prenumererar redan på nyhetsbrevet",
        "okand@example.org": "Vahvista uutiskirjeen tilaus",
    }


def test_errors_are_listed_kept_and_answered_in_the_readers_language(
    client, translated_archive
):
    answer = client.post(
        "/en/newsletter/",
        protected({"email": "not-an-address", "name": "Kim", "language": "en"}),
    )
    assert answer.status_code == 400
    html = answer.content.decode()
    assert 'class="error-summary"' in html
    assert 'href="#id_email"' in html
    assert "Enter the email address in the form" in html
    assert "Choose at least one topic." in html
    assert "Tick the box to give your consent." in html
    assert 'value="not-an-address"' in html and 'value="Kim"' in html
    assert 'action="/en/newsletter/#prenumerera"' in html
    assert not Subscriber.objects.exists()
    # The honeypot and the rate limit answer with the form, never a 500.
    bot = client.post(
        "/nyhetsbrev/", protected({"email": "a@example.org", "homepage_url": "x"})
    )
    assert bot.status_code == 400


def test_footer_form_leads_to_the_full_form_with_the_address_filled_in(client, archive):
    home = client.get("/").content.decode()
    assert 'action="/nyhetsbrev/#prenumerera"' in home
    assert "csrfmiddlewaretoken" not in home.split('class="site-footer"')[1]
    page = client.get("/nyhetsbrev/", {"email": "fran@example.org"})
    assert 'value="fran@example.org"' in page.content.decode()


def test_preferences_link_session_update_and_unsubscribe(
    client, archive, make_subscriber
):
    subscriber = make_subscriber("anna@example.org", topics=["bidrag"], language="sv")
    # Asking for a link answers the same for known and unknown addresses.
    for email in ("anna@example.org", "ingen@example.org"):
        answer = client.post("/nyhetsbrev/installningar/", protected({"email": email}))
        assert answer.status_code == 200
        assert "Kolla din e-post" in answer.content.decode()
    (message,) = mail.outbox
    link = next(
        url
        for url in links_in(message)
        if "/installningar/" in url and url.count("/") > 5
    )
    opened = client.get(path_of(link))
    assert (
        opened.status_code == 302 and opened["Location"] == "/nyhetsbrev/installningar/"
    )
    page = client.get("/nyhetsbrev/installningar/")
    assert "anna@example.org" in page.content.decode()
    # The token stays usable until it expires (scanners, second clicks).
    assert Client().get(path_of(link)).status_code == 302

    saved = client.post(
        "/nyhetsbrev/installningar/",
        {
            "action": "save",
            "topics": ["utbildningar"],
            "language": "en",
            "name": "Anna",
        },
    )
    assert saved.status_code == 302
    subscriber.refresh_from_db()
    assert subscriber.language == "en" and subscriber.name == "Anna"
    assert list(subscriber.topics.values_list("slug", flat=True)) == ["utbildningar"]
    empty = client.post(
        "/nyhetsbrev/installningar/", {"action": "save", "language": "en"}
    )
    assert empty.status_code == 400

    gone = client.post("/nyhetsbrev/installningar/", {"action": "unsubscribe"})
    assert gone["Location"] == "/nyhetsbrev/avslutad/"
    subscriber.refresh_from_db()
    assert subscriber.status == Subscriber.Status.UNSUBSCRIBED
    assert subscriber.unsubscribed_at is not None


def test_one_click_get_only_asks_and_post_is_idempotent(archive, make_subscriber):
    subscriber = make_subscriber("anna@example.org")
    token = links.issue(services.PREFERENCES, subscriber)
    url = f"/nyhetsbrev/avsluta/{token}/"
    client = Client(enforce_csrf_checks=True)
    page = client.get(url)
    assert page.status_code == 200
    subscriber.refresh_from_db()
    assert subscriber.status == Subscriber.Status.ACTIVE
    for _attempt in range(2):
        assert client.post(url, {"List-Unsubscribe": "One-Click"}).status_code == 200
    subscriber.refresh_from_db()
    assert subscriber.status == Subscriber.Status.UNSUBSCRIBED


@pytest.mark.parametrize("kind", ["confirm", "preferences", "unsubscribe"])
def test_tampered_and_expired_links_get_a_clear_page_with_a_way_on(
    client, archive, make_subscriber, kind
):
    subscriber = make_subscriber("anna@example.org", status=Subscriber.Status.PENDING)
    purpose = services.CONFIRM if kind == "confirm" else services.PREFERENCES
    token = links.issue(purpose, subscriber)
    path = {
        "confirm": "/nyhetsbrev/bekrafta/{}/",
        "preferences": "/nyhetsbrev/installningar/{}/",
        "unsubscribe": "/nyhetsbrev/avsluta/{}/",
    }[kind]
    tampered = token[:-1] + ("A" if token[-1] != "A" else "B")
    for bad in (tampered, "kort", token[:20] + "x" * 24):
        for method in (client.get, client.post):
            answer = method(path.format(bad))
            assert answer.status_code == 400
            html = answer.content.decode()
            assert "Länken fungerar inte" in html
            assert 'name="email"' in html  # a form to get a new link
    EmailedLink.objects.update(
        expires_at=timezone.now() - datetime.timedelta(minutes=1)
    )
    expired = client.get(path.format(token))
    assert expired.status_code == 410
    assert "Länken har gått ut" in expired.content.decode()
    subscriber.refresh_from_db()
    assert subscriber.status == Subscriber.Status.PENDING


def test_erasing_a_subscriber_removes_their_links_and_deliveries(
    archive, make_subscriber
):
    subscriber = make_subscriber("anna@example.org")
    links.issue(services.PREFERENCES, subscriber)
    subscriber.delete()
    assert not EmailedLink.objects.filter(object_id=subscriber.pk).exists()


def test_unconfirmed_subscriptions_are_deleted_after_30_days(make_subscriber):
    from django.core.management import call_command

    old = make_subscriber("gammal@example.org", status=Subscriber.Status.PENDING)
    Subscriber.objects.filter(pk=old.pk).update(
        subscribed_at=timezone.now() - datetime.timedelta(days=31)
    )
    make_subscriber("ny@example.org", status=Subscriber.Status.PENDING)
    make_subscriber("aktiv@example.org")
    call_command("resume_newsletter_sends", stdout=__import__("io").StringIO())
    assert sorted(Subscriber.objects.values_list("email", flat=True)) == [
        "aktiv@example.org",
        "ny@example.org",
    ]
