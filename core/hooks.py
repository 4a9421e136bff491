"""Names of the Wagtail hooks through which apps register with each other.

``core`` and ``home`` never import a domain app; a domain app adds itself by
registering a function under one of these names in its ``wagtail_hooks.py``::

    from wagtail import hooks
    from core import hooks as fnavet_hooks

    @hooks.register(fnavet_hooks.PUBLIC_PAGE_EXCLUSIONS)
    def unlisted_associations():
        return AssociationPage.objects.filter(listed_publicly=False).values("pk")

Each constant's comment says what the registered function takes and returns.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

from wagtail import hooks

# () -> QuerySet of page ids kept out of every public listing (site search,
# the pages API, sitemaps) although the pages are live.
PUBLIC_PAGE_EXCLUSIONS = "fnavet_public_page_exclusions"

# () -> {app_label: ["add", "change", "delete", "view"]}: model permissions the
# "Koordinatorer" group gets for the app's own models.
COORDINATOR_PERMISSIONS = "fnavet_coordinator_permissions"

# () -> core.demo.DemoSeeder: builds the app's demo content for ``seed_demo``.
DEMO_SEEDERS = "fnavet_demo_seeders"

# (request, context) -> str | None: an HTML section of the home page, placed by
# the hook's ``order``.
HOME_SECTIONS = "fnavet_home_sections"

# () -> [(name, APIViewSet)]: endpoints of the public API under /api/v2/.
API_ENDPOINTS = "fnavet_api_endpoints"

# () -> {"reply_to": [...], "sender_name", "sender_title", "phone"}: defaults
# for every email the site sends (the coordinator answers replies).
EMAIL_DEFAULTS = "fnavet_email_defaults"

# (event, instance, user) -> core.workflow_mail.WorkflowEmail | None: the
# project's own message for a workflow event ("submitted", "approved",
# "rejected") about the app's objects; None leaves it to Wagtail's templates.
WORKFLOW_EMAILS = "fnavet_workflow_emails"

# () -> core.country code ("fi", "se"): the country the site serves, when an
# app stores it (site settings); the COUNTRY setting otherwise.
COUNTRY = "fnavet_country"

# () -> core.search.SearchProvider: an app that searches its own pages better
# than the site-wide index (the register), shown as its own section of /sok/.
SITE_SEARCH = "fnavet_site_search"
# () -> NewsletterItemProvider: dated items (grant deadlines, trainings,
# events) that the newsletter's "upcoming" blocks list, chosen by ``kind``.
NEWSLETTER_ITEMS = "fnavet_newsletter_items"


@dataclass(frozen=True)
class NewsletterItem:
    """One dated thing a newsletter lists: ``url`` absolute, ``text`` one
    or two plain sentences, ``date`` a date or an aware datetime."""

    title: str
    date: datetime.date | datetime.datetime
    url: str
    text: str = ""


@dataclass(frozen=True)
class NewsletterItemProvider:
    """What an app offers the newsletter. ``kind`` is the block that shows
    it: "grant_deadlines" or "events" (several providers may share a kind).
    ``items(limit, language, filters)`` returns at most ``limit`` upcoming
    items in ``language``; ``filters`` holds what the editor picked
    ("days": int, "target_group": a vocabulary slug, or "") and a provider
    ignores the keys it does not know."""

    kind: str
    label: Any  # str or lazy translation
    items: Callable[[int, str, dict[str, Any]], list[NewsletterItem]]


def registered(name: str) -> Iterator[Any]:
    """Every function registered under ``name``, in hook order."""
    yield from hooks.get_hooks(name)


def collect(name: str, *args: Any, **kwargs: Any) -> list[Any]:
    """Call every function registered under ``name``; their results, in order."""
    return [fn(*args, **kwargs) for fn in registered(name)]
