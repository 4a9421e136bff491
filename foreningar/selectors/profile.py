"""The association's public profile: its terms in the reader's language,
related associations, and the newest associations for the home page."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from django.db.models import F

from core.i18n import default_locale_id

from ..models import (
    VOCABULARIES,
    ActivityLanguage,
    AssociationIndexPage,
    AssociationPage,
    vocabulary_spec,
)
from .queries import literal, through_model, translated_name

RELATED_COUNT = 4


def profile_terms(association: AssociationPage) -> dict[str, list[dict[str, Any]]]:
    """The association's vocabulary terms, labelled in the reader's language,
    in one UNION ALL query."""
    parts = []
    for spec in VOCABULARIES:
        queryset = (
            spec.model.objects.filter(associationpage=association.pk)
            .order_by()
            .annotate(label=translated_name(spec.model), kind=literal(spec.field))
        )
        if spec.model is not ActivityLanguage:
            queryset = queryset.annotate(code=literal(""))
        parts.append(
            queryset.values_list("kind", "pk", "slug", "label", "sort_order", "code")
        )
    terms: dict[str, list[dict[str, Any]]] = {spec.field: [] for spec in VOCABULARIES}
    for kind, pk, slug, label, sort_order, code in parts[0].union(*parts[1:], all=True):
        terms[kind].append(
            {
                "id": pk,
                "slug": slug,
                "label": label,
                "sort_order": sort_order,
                "code": code,
            }
        )
    for rows in terms.values():
        rows.sort(key=lambda row: (row["sort_order"], row["label"].lower()))
    return terms


def related_associations(
    association: AssociationPage, terms: Mapping[str, Iterable[Mapping[str, Any]]]
) -> list[AssociationPage]:
    """A few others in the same district doing the same kind of thing."""
    queryset = AssociationPage.objects.listed().exclude(pk=association.pk)
    matched = False
    for field in ("activity_areas", "districts"):
        ids = [term["id"] for term in terms.get(field, [])]
        if not ids:
            continue
        spec = vocabulary_spec(field)
        matched = True
        queryset = queryset.filter(
            pk__in=through_model(spec)
            .objects.filter(**{f"{spec.through_column}__in": ids})
            .values("associationpage_id")
        )
    if not matched:
        return []
    return list(
        queryset.only(
            "title", "slug", "short_description", "url_path", "locale_id"
        ).order_by(F("last_published_at").desc(nulls_last=True), "pk")[:RELATED_COUNT]
    )


def newest_associations(limit: int = 4) -> list[AssociationPage]:
    """The latest associations for the home page, in one query."""
    return list(
        AssociationPage.objects.listed()
        .filter(locale_id=default_locale_id())
        .only(
            "title",
            "slug",
            "url_path",
            "short_description",
            "path",
            "depth",
            "locale_id",
        )
        .order_by(F("first_published_at").desc(nulls_last=True), "-pk")[:limit]
    )


def default_register() -> AssociationIndexPage | None:
    """The register (default language) the associations live under, or None."""
    return (
        AssociationIndexPage.objects.live()
        .filter(locale_id=default_locale_id())
        .order_by("path")
        .first()
    )
