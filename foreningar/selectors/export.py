"""The public register for the CSV export."""

from __future__ import annotations

from django.db.models import Prefetch, QuerySet
from django.db.models.functions import Lower

from ..models import VOCABULARIES, AssociationIndexPage, AssociationPage
from .params import DirectoryParams
from .queries import filter_conditions, register_queryset, translated_name


def export_queryset(
    index_page: AssociationIndexPage, params: DirectoryParams
) -> QuerySet[AssociationPage]:
    """The public register (optionally filtered like the directory), with
    the terms labelled in the reader's language."""
    return (
        register_queryset(index_page)
        .filter(filter_conditions(params))
        .prefetch_related(
            *(
                Prefetch(
                    spec.field,
                    queryset=spec.model.objects.annotate(
                        label=translated_name(spec.model)
                    ).order_by("sort_order", "name"),
                )
                for spec in VOCABULARIES
            ),
            "keywords",
        )
        .order_by(Lower("title"), "pk")
    )
