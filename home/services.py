"""Site set-up actions shared by seed_demo and deployment commands."""

from __future__ import annotations

from django.contrib.auth.models import Group, Permission
from django.db import transaction
from wagtail.models import (
    Collection,
    GroupCollectionPermission,
    GroupPagePermission,
    Page,
)

COORDINATOR_GROUP = "Koordinatorer"

# Model permissions (app_label, codename prefix list) the coordinators need.
COORDINATOR_MODEL_PERMISSIONS = {
    "home": ["add", "change", "delete", "view"],
    "foreningar": ["add", "change", "delete", "view"],
    "coordinator": ["add", "change", "delete", "view"],
    "wagtailredirects": ["add", "change", "delete"],
    "wagtailforms": ["add", "change", "delete", "view"],
    "taggit": ["add", "change", "delete", "view"],
}
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


@transaction.atomic
def ensure_coordinator_group(root_page: Page) -> Group:
    """Create or update the "Koordinatorer" group: admin access, pages under
    the site root, images, documents, snippets and settings."""
    group, _ = Group.objects.get_or_create(name=COORDINATOR_GROUP)
    perms = [
        Permission.objects.get(
            content_type__app_label="wagtailadmin", codename="access_admin"
        )
    ]
    for app_label, actions in COORDINATOR_MODEL_PERMISSIONS.items():
        perms += Permission.objects.filter(
            content_type__app_label=app_label,
            codename__regex=r"^({})_".format("|".join(actions)),
        )
    group.permissions.add(*perms)

    for codename in PAGE_PERMISSIONS:
        GroupPagePermission.objects.get_or_create(
            group=group,
            page=root_page,
            permission=Permission.objects.get(
                content_type__app_label="wagtailcore", codename=codename
            ),
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
