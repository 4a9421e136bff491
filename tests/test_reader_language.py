"""The site's other public forms keep a Finnish or English reader in their
language: accessibility feedback, grant help requests, training sign-up and
cancellation, newsletter subscription and preferences. Each posts to the
address under the reader's prefix; errors, confirmation pages and every email
(HTML and text) carry no Swedish interface text (tests/catalogs.py); the
language is stored on the record. The register's forms are in
tests/foreningar/test_reader_language.py."""

from __future__ import annotations

import pytest
from django.core import mail
from django.test import Client

from tests.catalogs import assert_email_in_language, assert_in_language
from tests.helpers import links_in, path_of, protected

pytestmark = pytest.mark.django_db
LANGUAGES = ["fi", "en"]


STATEMENT = {
    "fi": ("Saavutettavuusseloste", "<p>Palvelu täyttää vaatimukset osittain.</p>"),
    "en": ("Accessibility statement", "<p>The service partly meets the rules.</p>"),
}


@pytest.mark.parametrize("language", LANGUAGES)
def test_accessibility_feedback(client, demo_site, language):
    """On the statement translated as seed_demo translates it (same slug)."""
    from core.demo import translate

    title, text = STATEMENT[language]
    texts = ("intro", "compliance_text", "disproportionate_burden", "out_of_scope")
    texts += ("feedback_text", "enforcement_text")
    translated = translate(
        demo_site["accessibility"],
        language,
        title=title,
        **dict.fromkeys(texts, text),
    )
    translated.known_problems.all().delete()  # copied Swedish content
    url = f"/{language}{demo_site['accessibility'].url}"
    assert_in_language(client.get(url), language, "accessibility statement")
    invalid = client.post(url, protected({"message": "", "email": "x"}))
    assert invalid.status_code == 400
    assert_in_language(invalid, language, "feedback with errors")
    sent = client.post(
        url,
        protected(
            {
                "message": "Knappen syns inte.",
                "page_url": "/",
                "name": "Aino",
                "email": "aino@example.org",
            }
        ),
    )
    assert sent.status_code == 302 and sent["Location"].startswith(url)
    assert_in_language(client.get(sent["Location"]), language, "feedback sent")
    receipt = next(m for m in mail.outbox if m.to == ["aino@example.org"])
    assert_email_in_language(receipt, language, "feedback receipt")


@pytest.mark.parametrize("language", LANGUAGES)
def test_grant_help_request(client, demo_site, language):
    from coordinator.grants.factories import (
        GrantCallIndexPageFactory,
        GrantCallPageFactory,
    )
    from coordinator.grants.models import HelpRequest

    index = GrantCallIndexPageFactory(parent=demo_site["home"])
    call = GrantCallPageFactory(parent=index, title="Kulturbidrag")
    url = f"/{language}{call.url}hjalp/"
    assert_in_language(client.get(url), language, "help form")
    invalid = client.post(url, protected({"email": "nope", "consent": ""}))
    assert invalid.status_code == 400
    assert_in_language(invalid, language, "help form with errors")
    sent = client.post(
        url,
        protected(
            {
                "name": "Aino",
                "email": "aino@example.org",
                "phone": "040 123 4567",
                "contact_method": "email",
                "question": "Hur gör vi budgeten?",
                "consent": "on",
            }
        ),
    )
    assert sent["Location"] == f"{url}skickat/"
    assert_in_language(client.get(sent["Location"]), language, "help request sent")
    record = HelpRequest.objects.get()
    assert (record.language, record.consent_language) == (language, "sv")
    receipt = next(m for m in mail.outbox if m.to == ["aino@example.org"])
    assert_email_in_language(receipt, language, "help request receipt")


@pytest.mark.parametrize("language", LANGUAGES)
def test_deadline_reminder(make_association, make_rep, demo_site, language):
    import datetime

    from django.utils import timezone

    from coordinator.grants import services
    from coordinator.grants.factories import (
        CallWatchFactory,
        GrantCallIndexPageFactory,
        GrantCallPageFactory,
    )

    index = GrantCallIndexPageFactory(parent=demo_site["home"])
    now = timezone.now()
    call = GrantCallPageFactory(
        parent=index,
        opens_at=now - datetime.timedelta(days=10),
        deadline=now + datetime.timedelta(hours=20),
    )
    rep = make_rep(make_association(), email="rut@example.org")
    rep.language = language
    rep.save()
    from coordinator.grants.models import CallWatch

    watch = CallWatchFactory(call=call, representative=rep)
    CallWatch.objects.filter(pk=watch.pk).update(
        created_at=now - datetime.timedelta(days=9)
    )
    assert services.send_deadline_reminders() == 1
    (message,) = mail.outbox
    assert_email_in_language(message, language, "deadline reminder")


@pytest.mark.parametrize("language", LANGUAGES)
def test_training_signup_and_cancel(client, demo_site, signup_form, language):
    from coordinator.trainings.factories import TrainingEventPageFactory
    from coordinator.trainings.models import Participant, TrainingEventIndexPage

    index = TrainingEventIndexPage.objects.child_of(demo_site["home"]).get()
    training = TrainingEventPageFactory(parent=index)
    url = f"/{language}{training.url}"
    assert_in_language(client.get(url), language, "training page")
    invalid = client.post(url, signup_form(email="nope", consent=""))
    assert invalid.status_code == 400
    assert_in_language(invalid, language, "sign-up with errors")
    sent = client.post(url, signup_form())
    assert sent["Location"].startswith(url)
    assert_in_language(client.get(sent["Location"]), language, "signed up")
    participant = Participant.objects.get()
    assert participant.language == language and participant.consent_language == "sv"
    (receipt,) = mail.outbox
    assert_email_in_language(receipt, language, "sign-up receipt")

    manage = path_of(next(u for u in links_in(receipt) if "/anmalan/" in u))
    page = client.get(manage)
    assert_in_language(page, language, "manage sign-up")
    mail.outbox = []
    cancelled = client.post(manage)
    assert cancelled.status_code in (200, 302)
    if cancelled.status_code == 302:
        cancelled = client.get(cancelled["Location"])
    assert_in_language(cancelled, language, "cancelled")
    for message in mail.outbox:
        assert_email_in_language(message, language, "cancellation")


@pytest.fixture
def signup_form():
    def make(**fields):
        return protected(
            {
                "name": "Aino Andersson",
                "email": "aino@example.org",
                "phone": "040 123 4567",
                "association_name": "",
                "consent": "on",
                **fields,
            }
        )

    return make


@pytest.mark.parametrize("language", LANGUAGES)
def test_newsletter_subscribe_and_preferences(client, demo_site, language):
    from coordinator.newsletters.factories import NewsletterIndexPageFactory
    from coordinator.newsletters.models import Subscriber

    archive = NewsletterIndexPageFactory(parent=demo_site["home"])
    url = f"/{language}{archive.url}"
    assert_in_language(client.get(url), language, "newsletter archive")
    invalid = client.post(url, protected({"email": "nope", "language": language}))
    assert invalid.status_code == 400
    assert_in_language(invalid, language, "subscribe with errors")
    sent = client.post(
        url,
        protected(
            {
                "email": "ny@example.org",
                "topics": ["bidrag"],
                "language": language,
                "consent": "on",
            }
        ),
    )
    assert sent["Location"].startswith(f"/{language}/")
    assert_in_language(client.get(sent["Location"]), language, "subscribed")
    subscriber = Subscriber.objects.get()
    assert subscriber.language == language and subscriber.privacy_language == "sv"
    (confirm_mail,) = mail.outbox
    assert_email_in_language(confirm_mail, language, "confirm subscription")
    confirm = path_of(next(u for u in links_in(confirm_mail) if "/bekrafta/" in u))
    assert_in_language(client.post(confirm), language, "subscription confirmed")

    mail.outbox = []
    client = Client()  # confirming opened the preferences: start anew
    preferences = f"{url}installningar/"
    assert_in_language(client.get(preferences), language, "preferences link form")
    asked = client.post(preferences, protected({"email": "ny@example.org"}))
    assert asked.status_code in (200, 302)
    link_mail = mail.outbox[-1]
    assert_email_in_language(link_mail, language, "preferences link")
    link = path_of(next(u for u in links_in(link_mail) if "/installningar/" in u))
    assert_in_language(client.get(link, follow=True), language, "preferences")
