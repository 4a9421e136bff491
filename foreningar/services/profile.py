"""What a representative changes about their association: profile changes go
through the coordinator's review; "the data is current" and the listing
choice apply at once."""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.utils import timezone
from wagtail.images import get_image_model
from wagtail.log_actions import log
from wagtail.models import Collection, Revision
from wagtail.search import index as search_index

from ..caching import REGISTER
from ..models import SELF_SERVICE_FIELDS, AssociationPage, Representative
from ..selectors.selfservice import org_id_locked
from .directory import sync_entries
from .fields import apply_data
from .workflow import submit_for_review

LOGO_COLLECTION_NAME = "Föreningslogotyper"


def logo_collection() -> Collection:
    root = Collection.get_first_root_node()
    existing = root.get_children().filter(name=LOGO_COLLECTION_NAME).first()
    return existing or root.add_child(name=LOGO_COLLECTION_NAME)


def create_logo(uploaded_file, alt_text: str, association_title: str):
    """A library image from an upload that ``ImageUploadField`` cleaned; the
    caller deletes its file if the change fails (``delete_logo_file``)."""
    Image = get_image_model()
    image = Image(
        title=f"Logotyp: {association_title}"[:255],
        file=uploaded_file,
        collection=logo_collection(),
        description=alt_text,
    )
    image._set_image_file_metadata()
    image.save()
    return image


def delete_logo_file(image) -> None:
    """The file a rolled-back logo left in storage (the database forgets the
    row; storage does not). No renditions exist yet: nothing showed it."""
    if image.file.name:
        image.file.storage.delete(image.file.name)


def submit_profile_change(
    association: AssociationPage,
    representative: Representative,
    data: dict[str, Any],
    logo_file=None,
    logo_alt: str = "",
) -> Revision:
    """Save the changes (``data`` as ``fields.to_data`` makes it) as a new
    revision and submit it for review. The live page stays as it is until
    the coordinator approves. A failure leaves no logo file behind."""
    written = []
    try:
        with transaction.atomic():
            return _submit_profile_change(
                association, representative, data, logo_file, logo_alt, written
            )
    except BaseException:
        for image in written:
            delete_logo_file(image)
        raise


def _submit_profile_change(
    association, representative, data, logo_file, logo_alt, written
) -> Revision:
    page = association.get_latest_revision_as_object()
    fields = [
        name
        for name in SELF_SERVICE_FIELDS
        if not (org_id_locked(association) and name in ("org_id_kind", "org_id"))
    ]
    apply_data(page, data, fields)
    if logo_file is not None:
        page.logo = create_logo(logo_file, logo_alt, page.title)
        written.append(page.logo)
    if not page.live:
        page.save()
    revision = page.save_revision(user=None, log_action=True)
    log(
        instance=page,
        action="foreningar.profile_change_submitted",
        data={
            "representative_id": representative.pk,
            "representative_name": representative.name,
        },
        revision=revision,
    )
    submit_for_review(page)
    return revision


def _update_live_and_revisions(page: AssociationPage, **values) -> None:
    """Change fields that need no review on the live row and in the live and
    latest revisions, so a pending draft neither publishes nor loses them."""
    AssociationPage.objects.filter(pk=page.pk).update(**values)
    revision_ids = {page.live_revision_id, page.latest_revision_id} - {None}
    for revision in Revision.objects.filter(pk__in=revision_ids):
        revision.content.update(values)
        revision.save(update_fields=["content"])
    for name, value in values.items():
        setattr(page, name, value)
    if page.live:
        search_index.insert_or_update_object(page)
    sync_entries([page.pk])
    REGISTER.bump()


def confirm_data_unchanged(
    association: AssociationPage, representative: Representative
) -> None:
    """Uppgifterna stämmer: the data is current; nothing goes to review."""
    now = timezone.now()
    # Revisions store JSON with millisecond precision; keep row and revision equal.
    now = now.replace(microsecond=now.microsecond // 1000 * 1000)
    _update_live_and_revisions(association, last_verified_at=now)
    log(
        instance=association,
        action="foreningar.data_confirmed",
        data={
            "representative_id": representative.pk,
            "representative_name": representative.name,
        },
    )


def set_listed(
    association: AssociationPage, representative: Representative, listed: bool
) -> None:
    """The association decides whether it appears in the public register."""
    _update_live_and_revisions(association, listed_publicly=listed)
    log(
        instance=association,
        action="foreningar.listing_changed",
        data={
            "representative_id": representative.pk,
            "representative_name": representative.name,
            "listed_publicly": listed,
        },
    )
