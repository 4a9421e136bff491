"""The emailed link of a sign-up and the addresses in emails."""

from __future__ import annotations

import datetime

from django.conf import settings
from django.utils import timezone, translation

from core import links
from core.i18n import localize_pages, page_language, url_in_language
from core.links import LinkPurpose

from ..models import Participant, TrainingEventPage

# The link in every email about a sign-up: it shows the sign-up and cancels it.
# Single-use for the cancellation only (opening it uses nothing), valid until
# the training is over, so the link of the waitlist email still cancels the
# seat the person later got.
MANAGE = LinkPurpose("trainings.signup", datetime.timedelta(days=365))
EMAIL_DIR = "trainings/emails"


def absolute_url(path: str) -> str:
    return settings.SITE_URL + path


def event_url(event: TrainingEventPage, language: str) -> str:
    """The training's address in ``language``: its translation if one is
    live, else the page itself under the language's prefix."""
    with translation.override(language):
        page = localize_pages([event])[0]
        return absolute_url(url_in_language(page.url or "", page_language(page)))


def manage_url(participant: Participant, event: TrainingEventPage) -> str:
    """A fresh link to the sign-up, valid until a day after the training."""
    end = event.last_session_end or timezone.now()
    valid_for = max(end - timezone.now(), datetime.timedelta(0)) + datetime.timedelta(
        days=1
    )
    token = links.issue(MANAGE, participant, valid_for=valid_for)
    base = event_url(event, participant.language)
    return base + event.reverse_subpage("manage", args=[token])
