"""Fixtures of the newsletter tests: the archive (and its Finnish and English
translations where a test needs them), newsletters, subscribers and a real
SMTP server."""

from __future__ import annotations

import pytest

from tests.newsletters.smtp import Rules, SMTPServer


@pytest.fixture
def archive(site_root):
    """The archive at /nyhetsbrev/ (Swedish only: links for the other
    languages fall back to it)."""
    from coordinator.newsletters.factories import NewsletterIndexPageFactory

    return NewsletterIndexPageFactory(parent=site_root)


@pytest.fixture
def translated_archive(archive):
    """The archive, also at /fi/uutiskirje/ and /en/newsletter/."""
    from core.demo import translate

    translate(archive, "fi", title="Uutiskirje", slug="uutiskirje")
    translate(archive, "en", title="Newsletter", slug="newsletter")
    return archive


@pytest.fixture
def make_newsletter(archive):
    from coordinator.newsletters.factories import NewsletterPageFactory

    def make(**kwargs):
        kwargs.setdefault("parent", archive)
        return NewsletterPageFactory(**kwargs)

    return make


@pytest.fixture
def make_subscriber(db):
    from coordinator.newsletters.factories import SubscriberFactory

    def make(email, *, topics=("foreningsnytt",), **kwargs):
        return SubscriberFactory(email=email, topics=list(topics), **kwargs)

    return make


@pytest.fixture
def site_url(settings):
    settings.SITE_URL = "https://foreningsnavet.example"
    return settings.SITE_URL


@pytest.fixture
def smtp_rules() -> Rules:
    return Rules()


@pytest.fixture
def smtp(settings, smtp_rules, site_url):
    """Django's SMTP backend pointed at a real local SMTP server."""
    server = SMTPServer(smtp_rules).start()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = "127.0.0.1"
    settings.EMAIL_PORT = server.port
    settings.EMAIL_USE_TLS = settings.EMAIL_USE_SSL = False
    settings.EMAIL_TIMEOUT = 5
    yield server.handler
    server.stop()
