"""The directory's facet counts: for each vocabulary term, how many
associations match the other filters, in one query."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.core.cache import cache
from django.db.models import Count, F, IntegerField, Q, QuerySet, Value
from wagtail.models import Locale

from core.i18n import current_language, default_locale_id

from ..caching import CACHE_TTL, REGISTER
from ..models import VOCABULARIES, AssociationIndexPage, AssociationPage
from .params import (
    FACETS_BY_PARAM,
    VOLUNTEERS_PARAM,
    DirectoryParams,
    unknown_filter_notice,
)
from .queries import (
    count_of,
    filter_conditions,
    literal,
    through_model,
    translated_name,
)

TOTAL = "_total"


@dataclass
class FacetOption:
    id: int
    slug: str
    label: str
    sort_order: int
    count: int
    selected: bool = False


FacetOptions = dict[str, list[FacetOption]]


def _totals_parts(
    base: QuerySet[AssociationPage],
    params: DirectoryParams,
    columns: tuple[str, ...],
    **filler: Any,
) -> list[QuerySet]:
    """Two one-row selects (the default locale's row carries them) with the
    result count with and without "looking for volunteers" as scalar
    subqueries; ``filler`` fills the other columns of the UNION."""
    without_volunteers = base.filter(filter_conditions(params, skip=VOLUNTEERS_PARAM))
    parts = []
    for kind, matching in (
        (TOTAL, without_volunteers),
        (VOLUNTEERS_PARAM, without_volunteers.filter(looking_for_volunteers=True)),
    ):
        parts.append(
            Locale.objects.filter(pk=default_locale_id())
            .order_by()
            .annotate(kind=literal(kind), n=count_of(matching), **filler)
            .values_list(*columns)
        )
    return parts


def facet_options(
    base: QuerySet[AssociationPage], params: DirectoryParams
) -> tuple[FacetOptions, dict[str, int]]:
    """Each facet's options (default-locale rows, labelled in the reader's
    language) with their counts, and the totals: one UNION ALL query."""
    locale_id = default_locale_id()
    columns = ("kind", "pk", "slug", "label", "sort_order", "n")
    parts = []
    for spec in VOCABULARIES:
        matching = base.filter(filter_conditions(params, skip=spec.param))
        parts.append(
            spec.model.objects.filter(locale_id=locale_id)
            .order_by()
            .annotate(
                n=Count(
                    "associationpage",
                    filter=Q(associationpage__in=matching.order_by().values("pk")),
                ),
            )
            .annotate(label=translated_name(spec.model), kind=literal(spec.param))
            .values_list(*columns)
        )
    parts += _totals_parts(
        base,
        params,
        columns,
        slug=literal(""),
        label=literal(""),
        sort_order=Value(0, output_field=IntegerField()),
    )
    options: FacetOptions = {spec.param: [] for spec in VOCABULARIES}
    totals: dict[str, int] = {}
    for kind, pk, slug, label, sort_order, count in parts[0].union(
        *parts[1:], all=True
    ):
        if kind in options:
            options[kind].append(
                FacetOption(
                    pk, slug, label, sort_order, count, params.facets.get(kind) == slug
                )
            )
        else:
            totals[kind] = count or 0
    for rows in options.values():
        rows.sort(key=lambda row: (row.sort_order, row.label.lower()))
    return options, totals


def facet_counts(
    base: QuerySet[AssociationPage], params: DirectoryParams, vocabulary: FacetOptions
) -> tuple[FacetOptions, dict[str, int]]:
    """Like :func:`facet_options` when the options are known: only the
    counts, grouped straight from the many-to-many tables (cheaper)."""
    columns = ("kind", "term", "n")
    parts = []
    for spec in VOCABULARIES:
        matching = base.filter(filter_conditions(params, skip=spec.param))
        parts.append(
            through_model(spec)
            .objects.filter(associationpage_id__in=matching.order_by().values("pk"))
            .order_by()
            .values(spec.through_column)
            .annotate(n=Count("*"))
            .annotate(kind=literal(spec.param), term=F(spec.through_column))
            .values_list(*columns)
        )
    parts += _totals_parts(base, params, columns, term=F("pk"))
    counts: dict[tuple[str, int], int] = {}
    totals: dict[str, int] = {}
    for kind, term, count in parts[0].union(*parts[1:], all=True):
        if kind in FACETS_BY_PARAM:
            counts[(kind, term)] = count
        else:
            totals[kind] = count or 0
    options = {
        param: [
            FacetOption(
                o.id,
                o.slug,
                o.label,
                o.sort_order,
                counts.get((param, o.id), 0),
                params.facets.get(param) == o.slug,
            )
            for o in rows
        ]
        for param, rows in vocabulary.items()
    }
    return options, totals


def cached_vocabulary() -> FacetOptions | None:
    """The facet options (labels in the reader's language) without counts."""
    return cache.get(REGISTER.key("vocabulary", current_language()))


def _remember_vocabulary(options: FacetOptions) -> None:
    rows = {
        param: [FacetOption(o.id, o.slug, o.label, o.sort_order, 0) for o in opts]
        for param, opts in options.items()
    }
    cache.set(REGISTER.key("vocabulary", current_language()), rows, CACHE_TTL)


def drop_unknown_filters(params: DirectoryParams, options: FacetOptions) -> bool:
    unknown = [
        param
        for param, slug in params.facets.items()
        if not any(option.slug == slug for option in options[param])
    ]
    for param in unknown:
        del params.facets[param]
        params.notices.append(unknown_filter_notice(FACETS_BY_PARAM[param]))
    return bool(unknown)


def counted_facets(
    index_page: AssociationIndexPage,
    base: QuerySet[AssociationPage],
    params: DirectoryParams,
) -> tuple[FacetOptions, dict[str, int]]:
    """Facet options and totals: from the cache, else one query (two when a
    filter names an unknown term and the vocabulary was not cached)."""
    vocabulary = cached_vocabulary()
    if vocabulary is not None:
        drop_unknown_filters(params, vocabulary)
    key = REGISTER.key(
        "counts", index_page.pk, current_language(), *params.cache_parts()
    )
    cached = cache.get(key)
    if cached is not None:
        options, totals = cached
    elif vocabulary is not None:
        options, totals = facet_counts(base, params, vocabulary)
    else:
        options, totals = facet_options(base, params)
        _remember_vocabulary(options)
        if drop_unknown_filters(params, options):
            options, totals = facet_options(base, params)
    cache.set(key, (options, totals), CACHE_TTL)
    for param, rows in options.items():
        for option in rows:
            option.selected = params.facets.get(param) == option.slug
    return options, totals
