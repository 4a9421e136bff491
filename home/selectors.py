"""Read-side queries shared by views, feeds and the API."""

from __future__ import annotations

from django.db.models import QuerySet
from wagtail.models import Page


def public_pages() -> QuerySet[Page]:
    """Live pages the public may see. Apps that keep some live pages out of
    public listings (unlisted associations) register their exclusions here."""
    queryset = Page.objects.live().public()
    for exclude in PUBLIC_PAGE_EXCLUSIONS:
        queryset = queryset.exclude(pk__in=exclude())
    return queryset


# Callables returning a queryset of page ids to keep out of public listings.
PUBLIC_PAGE_EXCLUSIONS: list = []
