"""Read-side queries of the help form: associations matching a typed name
(listed ones only: the form must not reveal unlisted associations), and
where help requests go."""

from __future__ import annotations

import unicodedata

from django.db.models import Q

from foreningar.models import AssociationPage, Representative
from foreningar.selectors.selfservice import associations_for, coordinator_emails

from ..models import GrantSettings

SUGGESTIONS = 6


def normalised_name(name: str) -> str:
    return " ".join(unicodedata.normalize("NFKC", name or "").casefold().split())


def associations_named(name: str) -> list[AssociationPage]:
    """Listed associations whose name contains the typed name, or every word
    of it; exact matches first. One query."""
    wanted = normalised_name(name)
    words = [word for word in wanted.split() if len(word) > 1][:6]
    if not wanted or not words:
        return []
    condition = Q(title__icontains=wanted)
    every_word = Q()
    for word in words:
        every_word &= Q(title__icontains=word)
    rows = list(
        AssociationPage.objects.listed()
        .filter(condition | every_word)
        .only("title", "town", "slug", "url_path", "locale_id")
        .order_by("title", "pk")[:50]
    )
    rows.sort(key=lambda page: (normalised_name(page.title) != wanted, page.title))
    return rows[:SUGGESTIONS]


def own_associations(representative: Representative) -> list[AssociationPage]:
    return list(associations_for(representative).only("title", "town"))


def help_request_recipients() -> list[str]:
    """The address in the grants settings, else the coordinators and the
    site's contact address."""
    settings_row = GrantSettings.objects.only("help_request_email").first()
    if settings_row and settings_row.help_request_email:
        return [settings_row.help_request_email]
    return coordinator_emails()
