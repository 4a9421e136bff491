"""Addresses in emails, and the emailed link that stops reminders."""

from __future__ import annotations

import datetime

from django.conf import settings
from django.utils import translation
from wagtail.models import Locale

from core.i18n import page_language, url_in_language
from core.links import LinkPurpose

from ..models import GrantCallPage

# In each reminder: stops the reminders for that call. Valid past the
# deadline, so the last reminder's link still works.
UNWATCH = LinkPurpose("grants.unwatch", datetime.timedelta(days=10))


def absolute_url(url: str) -> str:
    return url if url.startswith(("http://", "https://")) else settings.SITE_URL + url


def call_in_language(call: GrantCallPage, language: str) -> GrantCallPage:
    """The call's live translation into ``language``, or the call itself."""
    if page_language(call) == language:
        return call
    locale = Locale.objects.filter(language_code=language).first()
    translated = (
        GrantCallPage.objects.live()
        .filter(translation_key=call.translation_key, locale=locale)
        .first()
        if locale
        else None
    )
    return translated or call


def call_url(call: GrantCallPage, language: str, route: str = "") -> str:
    """Absolute address of the call (or one of its routes) under
    ``language``'s prefix."""
    with translation.override(language):
        url = url_in_language(call.get_url() or "", page_language(call), language)
    return absolute_url(url + route)
