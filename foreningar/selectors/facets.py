"""The directory's facets: each vocabulary's terms in the reader's language
with how many associations match the other filters.

Unfiltered, the counts come from ``FacetCount`` (kept up to date on
publish): one small query whatever the size of the register. Filtered and
searched, they are counted once over the matching associations (one UNION
ALL query) and cached; when associations change, the cached counts are
corrected by replaying the register's change log (``DirectoryChange``)
instead of being counted again."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, replace

from django.core.cache import cache
from django.db.models import Count, IntegerField, Max, Value

from core.collation import sort_key
from core.i18n import current_language, default_locale_id

from ..caching import (
    CACHE_TTL,
    COUNTS_TTL,
    DIRECTORY_EPOCH,
    VOCABULARY,
    version_key,
)
from ..models import (
    VOCABULARIES,
    AssociationIndexPage,
    DirectoryChange,
    DirectoryTerm,
    FacetCount,
)
from .params import (
    FACETS_BY_PARAM,
    VOLUNTEERS_PARAM,
    DirectoryParams,
    unknown_filter_notice,
)
from .queries import (
    TermLabel,
    filter_conditions,
    label_language,
    literal,
    translated_name,
)
from .search import cache_part, text_matcher

TOTAL = FacetCount.TOTAL
VERSION = "_version"
# Replaying more changes than this costs more than counting again.
REPLAY_LIMIT = 200


@dataclass
class FacetOption:
    id: int
    slug: str
    label: str
    sort_order: int
    count: int = 0
    selected: bool = False


FacetOptions = dict[str, list[FacetOption]]
Counts = dict[tuple[str, int], int]


def vocabulary_options() -> FacetOptions:
    """Every facet's terms (the default-language rows) labelled in the
    reader's language, in the vocabulary's order: one query, then cached
    until a vocabulary changes."""

    def load() -> FacetOptions:
        parts = [
            spec.model.objects.filter(locale_id=default_locale_id())
            .order_by()
            .annotate(
                label=translated_name(spec.model),
                label_lang=label_language(spec.model),
                kind=literal(spec.param),
            )
            .values_list("kind", "pk", "slug", "label", "sort_order", "label_lang")
            for spec in VOCABULARIES
        ]
        options: FacetOptions = {spec.param: [] for spec in VOCABULARIES}
        rows = parts[0].union(*parts[1:], all=True)
        for kind, pk, slug, label, order, lang in rows:
            options[kind].append(FacetOption(pk, slug, TermLabel(label, lang), order))
        language = current_language()
        for rows in options.values():
            rows.sort(key=lambda row: (row.sort_order, sort_key(row.label, language)))
        return options

    return VOCABULARY.get_or_set(("options", current_language()), load, CACHE_TTL)


def unfiltered_counts(index_page: AssociationIndexPage) -> Counts:
    """The kept counts of the whole register (``FacetCount``)."""
    return {
        (facet, term): count
        for facet, term, count in FacetCount.objects.filter(
            register_id=index_page.pk
        ).values_list("facet", "term_id", "count")
    }


def _groups(params: DirectoryParams) -> list[tuple[list[str], str | None]]:
    """Which facets count which matching set: a facet with a filter of its
    own counts the associations matching every other filter; the totals (all
    and looking for volunteers) those matching every filter but "volunteers";
    every other facet those matching every filter."""
    groups: list[tuple[list[str], str | None]] = [
        ([param], param) for param in params.facets
    ]
    groups.append(([TOTAL, VOLUNTEERS_PARAM], VOLUNTEERS_PARAM))
    others = [spec.param for spec in VOCABULARIES if spec.param not in params.facets]
    if others:
        groups.append((others, None))
    return groups


def filtered_counts(register_id: int, params: DirectoryParams) -> tuple[int, Counts]:
    """The register's version and the counts over the associations matching
    the filters, in one UNION ALL statement (one snapshot) over DirectoryTerm."""
    parts = [
        DirectoryTerm.objects.filter(register_id=register_id, facet__in=facets)
        .filter(filter_conditions(params, register_id, skip=skip))
        .order_by()
        .values("facet", "term_id")
        .annotate(n=Count("*"))
        .values_list("facet", "term_id", "n")
        for facets, skip in _groups(params)
    ]
    parts.append(
        DirectoryChange.objects.filter(register_id=register_id)
        .order_by()
        .values("register_id")
        .annotate(
            facet=literal(VERSION),
            term=Max("id"),
            n=Value(0, output_field=IntegerField()),
        )
        .values_list("facet", "term", "n")
    )
    counts: Counts = {}
    version = 0
    for facet, term, count in parts[0].union(*parts[1:], all=True):
        if facet == VERSION:
            version = term or 0
        else:
            counts[(facet, term)] = count
    return version, counts


def _replay(
    counts: Counts,
    document: dict | None,
    params: DirectoryParams,
    sign: int,
    matches: Callable[[str], bool],
) -> None:
    """Add (or take away) one association's part in filtered counts, the way
    ``filtered_counts`` would count it (``matches``: the text search)."""
    if document is None:
        return
    terms, text = document["terms"], document["text"]
    if params.query and not matches(text):
        return
    for facets, skip in _groups(params):
        if any(
            not set(params.matching_terms(param)) & set(terms.get(param, []))
            for param in params.term_ids
            if param != skip
        ):
            continue
        if (
            params.volunteers
            and skip != VOLUNTEERS_PARAM
            and not terms.get(VOLUNTEERS_PARAM)
        ):
            continue
        for facet in facets:
            for term in terms.get(facet, []):
                key = (facet, term)
                counts[key] = counts.get(key, 0) + sign


def cached_filtered_counts(register_id: int, params: DirectoryParams) -> Counts:
    """Filtered counts from the cache, corrected by the changes logged since
    they were counted; counted again when there is no usable entry, and at the
    latest COUNTS_TTL after the last full count (replays never extend it)."""
    # A search's matches depend on the reader's language on PostgreSQL.
    language = cache_part() if params.query else None
    key = DIRECTORY_EPOCH.key("counts", register_id, language, *params.cache_parts())
    cached = cache.get(key)
    if cached is not None:
        version, counts, counted_at = cached
        if cache.get(version_key(register_id)) == version:
            return counts
        changes = list(
            DirectoryChange.objects.filter(register_id=register_id, id__gt=version)
            .order_by("id")
            .values_list("id", "before", "after")[: REPLAY_LIMIT + 1]
        )
        left = COUNTS_TTL - (time.time() - counted_at)
        if len(changes) <= REPLAY_LIMIT and left >= 1:
            counts = dict(counts)
            matches = text_matcher(params.query)
            for change_id, before, after in changes:
                _replay(counts, before, params, -1, matches)
                _replay(counts, after, params, +1, matches)
                version = change_id
            cache.set(key, (version, counts, counted_at), int(left))
            return counts
    version, counts = filtered_counts(register_id, params)
    cache.set(key, (version, counts, time.time()), COUNTS_TTL)
    return counts


def resolve_filters(params: DirectoryParams, options: FacetOptions) -> None:
    """Turn the filters' slugs into term ids; drop unknown ones with a notice."""
    for param, slug in list(params.facets.items()):
        term_id = next((o.id for o in options[param] if o.slug == slug), None)
        if term_id is None:
            del params.facets[param]
            params.notices.append(unknown_filter_notice(FACETS_BY_PARAM[param]))
        else:
            params.term_ids[param] = term_id
            wildcard = FACETS_BY_PARAM[param].wildcard_slug
            wildcard_id = next(
                (o.id for o in options[param] if wildcard and o.slug == wildcard),
                None,
            )
            if wildcard_id is not None and wildcard_id != term_id:
                params.wildcard_ids[param] = wildcard_id


def _option_count(counts: Counts, param: str, option: FacetOption, rows) -> int:
    """How many associations choosing ``option`` would show: those carrying
    it and, in a facet with a wildcard term, those carrying the wildcard."""
    count = counts.get((param, option.id), 0)
    wildcard = FACETS_BY_PARAM[param].wildcard_slug
    if wildcard and option.slug != wildcard:
        wildcard_id = next((o.id for o in rows if o.slug == wildcard), None)
        if wildcard_id is not None:
            count += counts.get((param, wildcard_id), 0)
    return count


def counted_facets(
    index_page: AssociationIndexPage, params: DirectoryParams
) -> tuple[FacetOptions, dict[str, int]]:
    """The facet options with counts and selection, and the totals. Resolves
    the filters (``params.term_ids``)."""
    vocabulary = vocabulary_options()
    resolve_filters(params, vocabulary)
    if params.is_filtered:
        counts = cached_filtered_counts(index_page.pk, params)
    else:
        counts = unfiltered_counts(index_page)
    options = {
        param: [
            replace(
                option,
                count=_option_count(counts, param, option, rows),
                selected=params.facets.get(param) == option.slug,
            )
            for option in rows
        ]
        for param, rows in vocabulary.items()
    }
    totals = {
        TOTAL: counts.get((TOTAL, 0), 0),
        VOLUNTEERS_PARAM: counts.get((VOLUNTEERS_PARAM, 0), 0),
    }
    return options, totals
