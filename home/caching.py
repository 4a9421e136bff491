"""The site chrome (main menu, breadcrumbs, language links, footer) is cached
under the "chrome" generation, bumped when a page, site, locale, view
restriction or the site settings change."""

from __future__ import annotations

from core.caching import Generation

CHROME = Generation("chrome")
CHROME_CACHE_SECONDS = 300


def connect_signals() -> None:
    from django.db.models.signals import post_delete, post_save
    from wagtail.models import Locale, PageViewRestriction, Site

    from .models import SiteSettings

    for signal in (post_save, post_delete):
        for model in (Site, Locale, SiteSettings, PageViewRestriction):
            signal.connect(
                CHROME.bump,
                sender=model,
                dispatch_uid=f"chrome-{model.__name__}-{signal}",
            )
        # Pages of every type (every app's page models) count.
        signal.connect(_page_changed, dispatch_uid=f"chrome-page-{signal}")


def _page_changed(sender, instance=None, **kwargs) -> None:
    from wagtail.models import Page

    if isinstance(instance, Page):
        CHROME.bump(**kwargs)
