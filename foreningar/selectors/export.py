"""The public register for the CSV export: plain rows in one streamed query."""

from __future__ import annotations

from django.db.models import F, QuerySet

from ..models import PUBLIC_FIELDS, AssociationIndexPage, AssociationPage
from .params import DirectoryParams
from .queries import filter_conditions, name_order_field, register_entries

EXPORT_FIELDS = ("pk", "title", "slug", *PUBLIC_FIELDS)


def export_rows(index_page: AssociationIndexPage, params: DirectoryParams) -> QuerySet:
    """Dicts of every public field, with the entry's terms and keywords, in
    the reader's name order (optionally filtered like the directory: call
    ``facets.resolve_filters`` first). Terms are ids: label them with
    ``facets.vocabulary_options()``."""
    matching = register_entries(index_page).filter(
        filter_conditions(params, index_page.pk)
    )
    return (
        AssociationPage.objects.filter(pk__in=matching.values("association_id"))
        .order_by(f"directory_entry__{name_order_field()}", "pk")
        .values(
            *EXPORT_FIELDS,
            terms=F("directory_entry__counted_terms"),
            entry_keywords=F("directory_entry__keywords"),
        )
    )
