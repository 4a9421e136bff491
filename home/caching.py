"""The site chrome (main menu, breadcrumbs, language links, footer) is cached
under the "chrome" generation. It is bumped only by changes the chrome shows:
a page in the menu's level or with children (breadcrumbs show ancestors) or
with translations (language links) published, unpublished, moved or
deleted; or a site, locale, view restriction or the site settings saved.
Publishing an association or a grant call leaves it alone."""

from __future__ import annotations

from core.caching import Generation

CHROME = Generation("chrome")
CHROME_CACHE_SECONDS = 300
MENU_DEPTH = 3  # the site root's children (the tree root is depth 1)


def shows_in_chrome(page) -> bool:
    from wagtail.models import Page

    if page.depth <= MENU_DEPTH or page.numchild > 0:
        return True
    return (
        Page.objects.filter(translation_key=page.translation_key)
        .exclude(pk=page.pk)
        .exists()
    )


def _page_changed(sender, instance=None, **kwargs) -> None:
    if instance is not None and not kwargs.get("raw") and shows_in_chrome(instance):
        CHROME.bump()


def connect_signals() -> None:
    from django.db.models.signals import post_delete, post_save
    from wagtail.models import Locale, Page, PageViewRestriction, Site
    from wagtail.signals import page_published, page_unpublished, post_page_move

    from .models import SiteSettings

    for signal in (post_save, post_delete):
        for model in (Site, Locale, SiteSettings, PageViewRestriction):
            signal.connect(
                CHROME.bump,
                sender=model,
                dispatch_uid=f"chrome-{model.__name__}-{signal}",
            )
    # Any sender: pages of every app's page types.
    for signal in (page_published, page_unpublished, post_page_move):
        signal.connect(_page_changed, dispatch_uid=f"chrome-page-{signal}")
    post_delete.connect(
        lambda sender, instance=None, **kw: (
            _page_changed(sender, instance, **kw)
            if isinstance(instance, Page)
            else None
        ),
        weak=False,
        dispatch_uid="chrome-page-delete",
    )
