"""The association's public profile: its terms in the reader's language,
related associations, and the newest associations for the home page."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from core.collation import sort_key
from core.i18n import current_language, default_locale_id
from core.pages import first_in_tree

from ..models import (
    VOCABULARIES,
    ActivityLanguage,
    AssociationIndexPage,
    AssociationPage,
    DirectoryEntry,
    vocabulary_spec,
)
from .queries import (
    TermLabel,
    label_language,
    literal,
    name_order_field,
    search_condition,
    through_model,
    translated_name,
)

RELATED_COUNT = 4
CARD_FIELDS = (
    "title",
    "slug",
    "url_path",
    "short_description",
    "short_description_fi",
    "short_description_en",
    "locale_id",
    "path",
    "depth",
)


def profile_terms(association: AssociationPage) -> dict[str, list[dict[str, Any]]]:
    """The association's vocabulary terms, labelled in the reader's language,
    in one UNION ALL query."""
    parts = []
    for spec in VOCABULARIES:
        queryset = (
            spec.model.objects.filter(associationpage=association.pk)
            .order_by()
            .annotate(
                label=translated_name(spec.model),
                label_lang=label_language(spec.model),
                kind=literal(spec.field),
            )
        )
        if spec.model is not ActivityLanguage:
            queryset = queryset.annotate(code=literal(""))
        parts.append(
            queryset.values_list(
                "kind", "pk", "slug", "label", "sort_order", "code", "label_lang"
            )
        )
    terms: dict[str, list[dict[str, Any]]] = {spec.field: [] for spec in VOCABULARIES}
    rows = parts[0].union(*parts[1:], all=True)
    for kind, pk, slug, label, sort_order, code, lang in rows:
        terms[kind].append(
            {
                "id": pk,
                "slug": slug,
                "label": TermLabel(label, lang),
                "sort_order": sort_order,
                "code": code,
            }
        )
    language = current_language()
    for rows in terms.values():
        rows.sort(key=lambda row: (row["sort_order"], sort_key(row["label"], language)))
    return terms


def related_associations(
    association: AssociationPage, terms: Mapping[str, Iterable[Mapping[str, Any]]]
) -> list[AssociationPage]:
    """A few public others in the same district doing the same kind of
    thing, most recently updated first: one query."""
    entries = DirectoryEntry.objects.exclude(association_id=association.pk)
    matched = False
    for field in ("activity_areas", "districts"):
        ids = [term["id"] for term in terms.get(field, [])]
        if not ids:
            continue
        spec = vocabulary_spec(field)
        matched = True
        entries = entries.filter(
            association_id__in=through_model(spec)
            .objects.filter(**{f"{spec.through_column}__in": ids})
            .values("associationpage_id")
        )
    if not matched:
        return []
    rows = (
        entries.select_related("association")
        .only(*(f"association__{name}" for name in CARD_FIELDS), "association_id")
        .order_by("-last_published_at", "association_id")[:RELATED_COUNT]
    )
    return [row.association for row in rows]


def default_register() -> AssociationIndexPage | None:
    """The register (default language) the associations live under, or None."""
    return first_in_tree(
        AssociationIndexPage.objects.live().filter(locale_id=default_locale_id())
    )


def newest_associations(
    register: AssociationIndexPage, limit: int = 4
) -> list[AssociationPage]:
    """The latest public associations of the register: one query on an
    index, whatever the size of the register."""
    rows = (
        DirectoryEntry.objects.filter(register_id=register.pk)
        .select_related("association")
        .only(*(f"association__{name}" for name in CARD_FIELDS), "association_id")
        .order_by("-first_published_at", "-association_id")[:limit]
    )
    return [row.association for row in rows]


SEARCH_COUNT_CAP = 1000


def search_associations(
    register: AssociationIndexPage, query: str, limit: int
) -> tuple[int, list[AssociationPage]]:
    """The register's public associations matching ``query`` (the
    directory's search): how many (counted up to ``SEARCH_COUNT_CAP``, so a
    word most of the register contains costs no more than a rare one), and
    the first ``limit`` by name."""
    entries = DirectoryEntry.objects.filter(
        search_condition(query), register_id=register.pk
    )
    total = entries[:SEARCH_COUNT_CAP].count()
    if not total:
        return 0, []
    rows = (
        entries.select_related("association")
        .only(*(f"association__{name}" for name in CARD_FIELDS), "association_id")
        .order_by(name_order_field(), "association_id")[:limit]
    )
    return total, [row.association for row in rows]
