"""Sending a newsletter through the real task path (immediate backend) to a
real SMTP server: who gets it, in which language, exactly once, with both
MIME parts, working links and the RFC 8058 headers; and the faults."""

from __future__ import annotations

import datetime
import re

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from coordinator.newsletters import services, tasks
from coordinator.newsletters.models import (
    NewsletterDelivery,
    NewsletterSend,
    Subscriber,
)
from coordinator.newsletters.selectors import SendProgress, send_progress
from core.demo import translate
from tests.helpers import path_of
from tests.newsletters.smtp import Rules

pytestmark = pytest.mark.django_db


def _start(client: Client, page) -> None:
    """The coordinator's two clicks: "Fortsätt", then "Ja, skicka nu"."""
    url = reverse("newsletters_admin:send", args=[page.pk])
    step = client.post(url, {"action": "start", "when": "now"})
    assert step.status_code == 200
    assert "Bekräfta utskicket" in step.content.decode()
    done = client.post(url, {"action": "start", "when": "now", "confirmed": "True"})
    assert done.status_code == 302


def _parts(message) -> dict[str, str]:
    return {
        part.get_content_type(): part.get_payload(decode=True).decode()
        for part in message.walk()
        if not part.is_multipart()
    }


def test_send_reaches_each_active_subscriber_of_the_topics_once_in_their_language(
    coordinator_client, translated_archive, make_newsletter, make_subscriber, smtp
):
    page = make_newsletter(
        title="Nyhetsbrev december",
        subject="Bidrag och kurser i december",
        topics=["bidrag", "utbildningar"],
    )
    translate(
        page,
        "fi",
        title="Uutiskirje joulukuu",
        slug=page.slug,
        subject="Avustuksia ja kursseja joulukuussa",
    )
    make_subscriber("anna@example.org", topics=["bidrag"], language="sv")
    make_subscriber("aino@example.org", topics=["utbildningar"], language="fi")
    # Two matching topics, still one message; no English translation.
    make_subscriber("amy@example.org", topics=["bidrag", "utbildningar"], language="en")
    make_subscriber("erik@example.org", topics=["evenemang"])
    make_subscriber(
        "pia@example.org", topics=["bidrag"], status=Subscriber.Status.PENDING
    )
    make_subscriber(
        "ulf@example.org", topics=["bidrag"], status=Subscriber.Status.UNSUBSCRIBED
    )
    make_subscriber(
        "bo@example.org", topics=["bidrag"], status=Subscriber.Status.BOUNCED
    )

    _start(coordinator_client, page)

    assert smtp.received() == {
        "anna@example.org": 1,
        "aino@example.org": 1,
        "amy@example.org": 1,
    }
    send = NewsletterSend.objects.get()
    assert send.status == NewsletterSend.Status.DONE
    assert send_progress(send) == SendProgress(sent=3)

    messages = smtp.parsed()
    expected = {
        "anna@example.org": (
            "sv",
            "Bidrag och kurser i december",
            "Avsluta prenumerationen",
        ),
        "aino@example.org": (
            "fi",
            "Avustuksia ja kursseja joulukuussa",
            "Lopeta tilaus",
        ),
        "amy@example.org": ("en", "Bidrag och kurser i december", "Unsubscribe"),
    }
    for address, (language, subject, unsubscribe_text) in expected.items():
        message = messages[address]
        assert message["Subject"] == subject
        assert message.get_content_type() == "multipart/alternative"
        parts = _parts(message)
        assert set(parts) == {"text/plain", "text/html"}
        assert f'<html lang="{language}"' in parts["text/html"]
        assert unsubscribe_text in parts["text/plain"]
        assert unsubscribe_text in parts["text/html"]
        assert re.fullmatch(r"<[^@>]+@foreningsnavet\.example>", message["Message-ID"])
        assert message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
        unsubscribe = re.fullmatch(
            r"<(https://foreningsnavet\.example/\S+)>", message["List-Unsubscribe"]
        )
        assert unsubscribe, message["List-Unsubscribe"]
        assert unsubscribe.group(1) in parts["text/plain"]
        assert unsubscribe.group(1) in parts["text/html"]
    # The English reader gets the Swedish text, marked as Swedish.
    assert 'lang="sv"' in _parts(messages["amy@example.org"])["text/html"]

    # The preferences link opens Aino's preferences (Finnish address).
    aino_text = _parts(messages["aino@example.org"])["text/plain"]
    preferences = next(
        url for url in re.findall(r"https://\S+", aino_text) if "/installningar/" in url
    )
    assert preferences.startswith("https://foreningsnavet.example/fi/uutiskirje/")
    reader = Client()
    opened = reader.get(path_of(preferences), follow=True)
    assert opened.status_code == 200
    assert "aino@example.org" in opened.content.decode()

    # The one-click POST (no cookies, no CSRF token) unsubscribes Anna, twice.
    url = path_of(
        re.search(r"<(\S+)>", messages["anna@example.org"]["List-Unsubscribe"]).group(1)
    )
    mail_client = Client(enforce_csrf_checks=True)
    for _attempt in range(2):
        answer = mail_client.post(url, {"List-Unsubscribe": "One-Click"})
        assert answer.status_code == 200
    assert (
        Subscriber.objects.get(email="anna@example.org").status
        == Subscriber.Status.UNSUBSCRIBED
    )


def test_a_second_send_click_does_nothing(
    coordinator_client, make_newsletter, make_subscriber, smtp
):
    page = make_newsletter(topics=["bidrag"])
    make_subscriber("anna@example.org", topics=["bidrag"])
    _start(coordinator_client, page)
    url = reverse("newsletters_admin:send", args=[page.pk])
    again = coordinator_client.post(
        url, {"action": "start", "when": "now", "confirmed": "True"}, follow=True
    )
    assert "redan" in again.content.decode()
    assert NewsletterSend.objects.count() == 1
    assert NewsletterDelivery.objects.count() == 1
    assert smtp.received() == {"anna@example.org": 1}
    # Not from a translation either: the send belongs to the translation set.
    finnish = translate(page, "fi", title="Uutiskirje", slug=page.slug)
    finnish = type(page).objects.get(pk=finnish.pk)
    assert finnish.live
    assert services.start_send(finnish).started is False


@pytest.fixture
def fast_retries(settings):
    settings.NEWSLETTER_RETRY_SECONDS = 0
    settings.NEWSLETTER_MAX_ATTEMPTS = 3
    settings.NEWSLETTER_BATCH_SIZE = 3


@pytest.mark.parametrize(
    "smtp_rules",
    [
        Rules(
            temporary_once={"grey1", "grey2"},
            temporary_always={"full"},
            rejected={"blocked"},
            unknown={"gone"},
        )
    ],
)
def test_smtp_faults_retry_record_and_lose_nothing(
    fast_retries, make_newsletter, make_subscriber, smtp
):
    page = make_newsletter(topics=["bidrag"])
    fine = [f"ok{n}@example.org" for n in range(5)]
    for address in [
        *fine,
        "grey1@example.org",
        "grey2@example.org",
        "full@example.org",
        "blocked@example.org",
        "gone@example.org",
    ]:
        make_subscriber(address, topics=["bidrag"])

    send = services.start_send(page).send
    tasks.queue_send(send)

    received = smtp.received()
    # Accepted after one 4xx, everyone else exactly once.
    assert received == dict.fromkeys(
        [*fine, "grey1@example.org", "grey2@example.org"], 1
    )
    rows = {
        row.subscriber.email: row
        for row in NewsletterDelivery.objects.select_related("subscriber")
    }
    assert rows["grey1@example.org"].attempts == 2
    assert rows["grey1@example.org"].status == NewsletterDelivery.Status.SENT
    assert rows["full@example.org"].status == NewsletterDelivery.Status.FAILED
    assert rows["full@example.org"].attempts == 3
    assert rows["full@example.org"].last_error.startswith("451")
    assert rows["blocked@example.org"].status == NewsletterDelivery.Status.FAILED
    assert rows["blocked@example.org"].attempts == 1
    assert rows["gone@example.org"].status == NewsletterDelivery.Status.BOUNCED
    statuses = dict(Subscriber.objects.values_list("email", "status"))
    assert statuses["gone@example.org"] == Subscriber.Status.BOUNCED
    assert statuses["blocked@example.org"] == Subscriber.Status.ACTIVE
    assert not NewsletterDelivery.objects.filter(
        status=NewsletterDelivery.Status.QUEUED
    ).exists()
    send.refresh_from_db()
    assert send.status == NewsletterSend.Status.DONE


def test_a_server_that_is_down_delays_the_send_and_nothing_is_lost(
    settings, make_newsletter, make_subscriber, site_url
):
    from tests.newsletters.smtp import SMTPServer, free_port

    port = free_port()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_TIMEOUT = (
        "127.0.0.1",
        port,
        2,
    )
    page = make_newsletter(topics=["bidrag"])
    for n in range(4):
        make_subscriber(f"person{n}@example.org", topics=["bidrag"])
    send = services.start_send(page).send
    tasks.queue_send(send)

    rows = NewsletterDelivery.objects.all()
    assert {row.status for row in rows} == {NewsletterDelivery.Status.QUEUED}
    assert {row.attempts for row in rows} == {1}
    assert all(row.available_at > timezone.now() for row in rows)

    server = SMTPServer(port=port).start()
    try:
        tasks.resume()  # nothing due yet: the retry waits
        assert server.handler.received() == {}
        rows.update(available_at=timezone.now() - datetime.timedelta(seconds=1))
        tasks.resume()
        assert server.handler.received() == {
            f"person{n}@example.org": 1 for n in range(4)
        }
    finally:
        server.stop()
    send.refresh_from_db()
    assert send.status == NewsletterSend.Status.DONE


def test_rows_of_a_worker_that_died_are_claimed_again_after_the_lease(
    make_newsletter, make_subscriber, smtp
):
    page = make_newsletter(topics=["bidrag"])
    for n in range(3):
        make_subscriber(f"person{n}@example.org", topics=["bidrag"])
    send = services.start_send(page).send
    assert services.prepare_send(send.pk) == 3
    send.refresh_from_db()
    dead = services.claim(send, "dead-worker")
    assert len(dead) == 3
    # Leased: another worker finds nothing to do and waits for the lease.
    assert services.claim(send, "other") == []
    next_at = services.deliver(send.pk)
    assert next_at is not None and next_at > timezone.now()
    assert smtp.received() == {}

    NewsletterDelivery.objects.update(available_at=timezone.now())  # the lease ran out
    assert services.deliver(send.pk) is None
    assert smtp.received() == {f"person{n}@example.org": 1 for n in range(3)}
    # The dead worker's late "sent" mark changes nothing.
    services.delivery.mark_sent("dead-worker", dead[0])
    assert NewsletterDelivery.objects.filter(claimed_by="dead-worker").count() == 0


def test_someone_who_unsubscribes_during_the_send_is_skipped(
    make_newsletter, make_subscriber, smtp
):
    page = make_newsletter(topics=["bidrag"])
    stays = make_subscriber("stays@example.org", topics=["bidrag"])
    leaves = make_subscriber("leaves@example.org", topics=["bidrag"])
    send = services.start_send(page).send
    services.prepare_send(send.pk)
    services.unsubscribe(leaves)
    services.deliver(send.pk)
    assert smtp.received() == {stays.email: 1}
    assert NewsletterDelivery.objects.get(subscriber=leaves).status == "skipped"


def test_scheduled_send_waits_for_its_time_and_can_be_cancelled(
    settings, coordinator_client, make_newsletter, make_subscriber
):
    settings.TASKS = {
        "default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}
    }
    from django_tasks import task_backends

    task_backends["default"].clear()
    page = make_newsletter(topics=["bidrag"])
    make_subscriber("anna@example.org", topics=["bidrag"])
    at = (timezone.localtime() + datetime.timedelta(days=1)).replace(
        second=0, microsecond=0
    )
    url = reverse("newsletters_admin:send", args=[page.pk])
    confirm = coordinator_client.post(
        url, {"action": "start", "when": "later", "at": at.strftime("%Y-%m-%dT%H:%M")}
    )
    assert "skickas nyhetsbrevet till 1 mottagare" in confirm.content.decode()
    coordinator_client.post(
        url,
        {
            "action": "start",
            "when": "later",
            "at": at.strftime("%Y-%m-%dT%H:%M"),
            "confirmed": "True",
        },
    )
    send = NewsletterSend.objects.get()
    assert send.status == NewsletterSend.Status.SCHEDULED
    queued = [
        r for r in task_backends["default"].results if r.task.name == "prepare_send"
    ]
    assert len(queued) == 1
    assert queued[0].task.run_after == at
    # An early run changes nothing.
    assert services.prepare_send(send.pk) == 0

    coordinator_client.post(url, {"action": "cancel"})
    send.refresh_from_db()
    assert send.status == NewsletterSend.Status.CANCELLED
    settings.TASKS = {
        "default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}
    }


def test_the_send_panel_is_for_people_who_may_publish(
    client, coordinator_client, make_newsletter, django_user_model
):
    page = make_newsletter()
    url = reverse("newsletters_admin:send", args=[page.pk])
    assert coordinator_client.get(url).status_code == 200
    editor = django_user_model.objects.create_user("redaktor", password="x")
    from django.contrib.auth.models import Permission

    editor.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(editor)
    assert client.get(url).status_code in (302, 403)
