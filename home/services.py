"""Site set-up and the accessibility feedback: plain functions that views,
commands and hooks call."""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.auth.models import Group, Permission
from django.db import transaction
from django.db.models import Q
from wagtail.models import (
    Collection,
    GroupCollectionPermission,
    GroupPagePermission,
    Page,
    Site,
)

from core import hooks
from core.emails import send_templated_email
from core.i18n import default_language

from .models import AccessibilityFeedback, AccessibilityStatementPage, SiteSettings

COORDINATOR_GROUP = "Koordinatorer"

PAGE_PERMISSIONS = [
    "add_page",
    "change_page",
    "publish_page",
    "lock_page",
    "unlock_page",
]
COLLECTION_PERMISSIONS = [
    ("wagtailimages", "image", ["add", "change", "choose"]),
    ("wagtaildocs", "document", ["add", "change", "choose"]),
]


def coordinator_model_permissions() -> dict[str, list[str]]:
    """Model permissions by app label, as the apps register them."""
    merged: dict[str, list[str]] = {}
    for permissions in hooks.collect(hooks.COORDINATOR_PERMISSIONS):
        for app_label, actions in permissions.items():
            merged.setdefault(app_label, [])
            merged[app_label] += [a for a in actions if a not in merged[app_label]]
    return merged


@transaction.atomic
def ensure_coordinator_group(root_page: Page) -> Group:
    """Create or update the "Koordinatorer" group: admin access, pages under
    the site root, images, documents and the models the apps register."""
    group, _ = Group.objects.get_or_create(name=COORDINATOR_GROUP)
    condition = Q(content_type__app_label="wagtailadmin", codename="access_admin")
    for app_label, actions in coordinator_model_permissions().items():
        condition |= Q(
            content_type__app_label=app_label,
            codename__regex=r"^({})_".format("|".join(actions)),
        )
    group.permissions.add(*Permission.objects.filter(condition))

    page_permissions = Permission.objects.filter(
        content_type__app_label="wagtailcore", codename__in=PAGE_PERMISSIONS
    )
    for permission in page_permissions:
        GroupPagePermission.objects.get_or_create(
            group=group, page=root_page, permission=permission
        )
    root_collection = Collection.get_first_root_node()
    for app_label, model, actions in COLLECTION_PERMISSIONS:
        for action in actions:
            GroupCollectionPermission.objects.get_or_create(
                group=group,
                collection=root_collection,
                permission=Permission.objects.get(
                    content_type__app_label=app_label, codename=f"{action}_{model}"
                ),
            )
    return group


def sync_default_site(site_url: str | None = None) -> Site | None:
    """The default Wagtail Site's hostname and port follow ``SITE_URL``, so
    full URLs (sitemap, the API's ``html_url``, admin links) say the address
    the site is served at, not ``localhost``. Idempotent."""
    parts = urlsplit(site_url or settings.SITE_URL)
    if not parts.hostname:
        return None
    port = parts.port or (443 if parts.scheme == "https" else 80)
    site = Site.objects.filter(is_default_site=True).first()
    if site is not None and (site.hostname, site.port) != (parts.hostname, port):
        site.hostname, site.port = parts.hostname, port
        site.save(update_fields=["hostname", "port"])
    return site


def default_site_settings() -> SiteSettings | None:
    site = Site.objects.filter(is_default_site=True).first()
    return SiteSettings.for_site(site) if site else None


@dataclass
class FeedbackMessage:
    message: str
    page_url: str = ""
    name: str = ""
    email: str = ""


def record_accessibility_feedback(
    page: AccessibilityStatementPage,
    feedback: FeedbackMessage,
    *,
    site_settings: SiteSettings | None,
    language: str,
) -> AccessibilityFeedback:
    """Store the feedback, email it to the coordinator and send the sender a
    receipt in their language."""
    record = AccessibilityFeedback.objects.create(
        page=page,
        name=feedback.name,
        email=feedback.email,
        page_url=feedback.page_url,
        message=feedback.message,
    )
    if site_settings and site_settings.email:
        send_templated_email(
            "home/emails/accessibility_feedback",
            {"feedback": record, "page": page},
            to=[site_settings.email],
            language=default_language(),
            reply_to=[record.email] if record.email else [],
        )
    if record.email:
        send_templated_email(
            "home/emails/accessibility_feedback_receipt",
            {"feedback": record, "settings": site_settings},
            to=[record.email],
            language=language,
        )
    return record
