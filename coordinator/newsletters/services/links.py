"""The subscriber's emailed links and their session, and absolute URLs in a
given language.

- Confirmation (double opt-in): single use, 48 hours.
- Preferences: reusable until it expires, because the same link sits in every
  newsletter and the one-click unsubscribe of ``List-Unsubscribe`` uses it
  too (mail programs and scanners open links more than once). Links in a
  newsletter last 90 days, a link asked for on the site 48 hours. Opening
  one starts a 12-hour session, so the address bar holds no token after it.
"""

from __future__ import annotations

import datetime

from django.conf import settings
from django.urls import reverse
from django.utils import translation

from core.i18n import page_language, url_in_language
from core.links import LinkPurpose
from core.sessions import LinkSession

from ..models import NewsletterIndexPage, Subscriber
from ..selectors import archive_for_language

CONFIRM = LinkPurpose("newsletters.confirm", datetime.timedelta(hours=48))
PREFERENCES = LinkPurpose(
    "newsletters.preferences", datetime.timedelta(days=90), single_use=False
)
# A link asked for with the "send me a link" form is for now, not for later.
REQUESTED_PREFERENCES_VALIDITY = datetime.timedelta(hours=48)

SUBSCRIBER_SESSION = LinkSession("newsletters.subscriber", Subscriber)
EMAIL_DIR = "newsletters/emails"


def absolute_url(path: str) -> str:
    return settings.SITE_URL + path


def page_path(page) -> str:
    """The page's path with its language prefix (no host)."""
    parts = page.get_url_parts()
    return parts[2] if parts else page.url_path


class SubscriberUrls:
    """Absolute addresses of the archive's routes in one language, computed
    once (a newsletter needs them for thousands of recipients)."""

    def __init__(self, language: str, index_page: NewsletterIndexPage | None = None):
        self.language = language
        self.index_page = index_page or archive_for_language(language)
        # An archive that exists only in Swedish keeps the reader's prefix.
        self.base = (
            absolute_url(
                url_in_language(
                    page_path(self.index_page), page_language(self.index_page), language
                )
            )
            if self.index_page
            else ""
        )

    def route(self, name: str, *args) -> str:
        if self.index_page is None:
            return absolute_url("/")
        return self.base + self.index_page.reverse_subpage(name, args=list(args))

    def archive(self) -> str:
        return self.base or absolute_url("/")

    def confirm(self, token: str) -> str:
        return self.route("confirm", token)

    def preferences(self, token: str) -> str:
        return self.route("preferences_link", token)

    def new_link(self) -> str:
        return self.route("preferences")

    def unsubscribe(self, token: str) -> str:
        """The RFC 8058 one-click address (not a page route: it takes POSTs
        without a CSRF token)."""
        with translation.override(self.language):
            return absolute_url(reverse("newsletters:unsubscribe", args=[token]))
