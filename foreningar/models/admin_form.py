"""The admin form of an association page. Wagtail saves drafts with minimal
validation (``Page.minimal_clean``), so what the database itself enforces is
checked here, where it becomes a form error for drafts too: a taken
organisation number would otherwise be an IntegrityError (a 500)."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminPageForm

from ..identifiers import normalise_identifier


class AssociationAdminForm(WagtailAdminPageForm):
    def clean(self):
        cleaned = super().clean()
        kind = cleaned.get("org_id_kind") or ""
        number = (cleaned.get("org_id") or "").strip()
        if not number or "org_id" in self.errors:
            return cleaned
        if kind:
            try:
                number = normalise_identifier(kind, number)
            except ValidationError:
                pass  # a draft may hold an unfinished number; publishing checks it
            else:
                cleaned["org_id"] = number
        duplicate = (
            type(self.instance)
            .objects.filter(org_id_kind=kind, org_id=number)
            .exclude(pk=self.instance.pk)
            .first()
        )
        if duplicate is not None:
            self.add_error(
                "org_id",
                _("Numret används redan av föreningen ”%(name)s”.")
                % {"name": duplicate.title},
            )
        return cleaned
