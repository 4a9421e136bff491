"""Read-side queries for the public association register.

Every function here runs a fixed number of SQL queries, whatever the size of
the register: the directory (filters, facet counts, one page of results), the
profile's vocabularies and related associations, and the CSV export.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from django.conf import settings
from django.core.cache import cache
from django.db.models import (
    Count,
    F,
    Func,
    IntegerField,
    Model,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
    Subquery,
    Value,
)
from django.db.models.functions import Coalesce, Lower
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from wagtail.images import get_image_model
from wagtail.models import Locale

from .cache import register_generation
from .models import (
    ActivityArea,
    ActivityLanguage,
    AssociationIndexPage,
    AssociationPage,
    District,
    TargetGroup,
)
from .models.associations import LOGO_SPEC

PAGE_SIZE = 20
MAX_QUERY_LENGTH = 200
RELATED_COUNT = 4
_SLUG_RE = re.compile(r"^[-a-z0-9_]{1,80}$")
_WORD_RE = re.compile(r"[^\W_]+")


@dataclass(frozen=True)
class Facet:
    """One vocabulary filter of the directory."""

    param: str  # GET parameter, Swedish like the rest of the address
    field: str  # M2M field on AssociationPage
    model: type[Model]
    label: Any  # lazy translation


FACETS: tuple[Facet, ...] = (
    Facet("verksamhet", "activity_areas", ActivityArea, _("Verksamhetsområde")),
    Facet("malgrupp", "target_groups", TargetGroup, _("Målgrupp")),
    Facet("omrade", "districts", District, _("Område")),
    Facet("sprak", "languages", ActivityLanguage, _("Språk")),
)
FACETS_BY_PARAM = {facet.param: facet for facet in FACETS}
VOLUNTEERS_PARAM = "volontarer"
SORT_PARAM = "sortering"
QUERY_PARAM = "q"

SORTS: dict[str, tuple[Any, Any]] = {
    "namn": (_("Namn (A–Ö)"), (Lower("title"), "pk")),
    "nyast": (
        _("Nyast i registret"),
        (F("first_published_at").desc(nulls_last=True), "-pk"),
    ),
    "uppdaterad": (
        _("Senast uppdaterad"),
        (F("last_published_at").desc(nulls_last=True), "-pk"),
    ),
}
DEFAULT_SORT = "namn"


@dataclass
class DirectoryParams:
    """The directory's GET parameters, cleaned. Nothing here raises."""

    query: str = ""
    facets: dict[str, str] = field(default_factory=dict)
    volunteers: bool = False
    sort: str = DEFAULT_SORT
    page: int = 1
    notices: list[str] = field(default_factory=list)

    @property
    def is_filtered(self) -> bool:
        return bool(self.query or self.facets or self.volunteers)


def clean_text(value: str, max_length: int = MAX_QUERY_LENGTH) -> str:
    """Drop control characters (NUL and friends), squeeze spaces, cut length."""
    value = "".join(
        " " if unicodedata.category(char)[0] in "CZ" else char
        for char in value[: max_length * 4]
    )
    return " ".join(value.split())[:max_length].strip()


def parse_params(data: Mapping[str, str]) -> DirectoryParams:
    params = DirectoryParams()
    raw_query = data.get(QUERY_PARAM, "") or ""
    params.query = clean_text(raw_query)
    if len(raw_query) > MAX_QUERY_LENGTH:
        params.notices.append(
            _("Sökningen var för lång och har kortats till %(count)s tecken.")
            % {"count": MAX_QUERY_LENGTH}
        )
    for facet in FACETS:
        value = clean_text(data.get(facet.param, "") or "", 80).lower()
        if not value:
            continue
        if _SLUG_RE.match(value):
            params.facets[facet.param] = value
        else:
            params.notices.append(_unknown_filter_notice(facet))
    params.volunteers = (data.get(VOLUNTEERS_PARAM) or "") in {"1", "on", "ja", "true"}
    sort = (data.get(SORT_PARAM) or "").strip()
    if sort in SORTS:
        params.sort = sort
    elif sort:
        params.notices.append(_("Okänd sortering – listan sorteras efter namn."))
    page = (data.get("page") or "").strip()
    params.page = int(page) if page.isdigit() and len(page) < 7 else 1
    params.page = max(params.page, 1)
    return params


def _unknown_filter_notice(facet: Facet) -> str:
    return _("Filtret för %(filter)s känns inte igen och har tagits bort.") % {
        "filter": str(facet.label).lower()
    }


# --- locale helpers -------------------------------------------------------


def default_locale_id() -> int:
    return _locale_ids()[settings.LANGUAGE_CODE]


def active_locale_id() -> int | None:
    return _locale_ids().get(translation.get_language() or settings.LANGUAGE_CODE)


_LOCALE_CACHE_KEY = "foreningar:locale-ids"


def _locale_ids() -> dict[str, int]:
    """Locale ids by language code, from the cache (locales change only in
    the admin's language settings), refreshed when a code is missing."""
    language = translation.get_language() or settings.LANGUAGE_CODE
    ids = cache.get(_LOCALE_CACHE_KEY) or {}
    if settings.LANGUAGE_CODE not in ids or language not in ids:
        ids = dict(Locale.objects.values_list("language_code", "pk"))
        cache.set(_LOCALE_CACHE_KEY, ids, 300)
    return ids


def attach_cached_locale(page: Any) -> None:
    """Give a routed page its Locale from the cache instead of a query (the
    layout and the language helpers all read ``page.locale``)."""
    if page.locale_id is None or "locale" in page._state.fields_cache:
        return
    key = f"foreningar:locale:{page.locale_id}"
    locale = cache.get(key)
    if locale is None:
        locale = Locale.objects.get(pk=page.locale_id)
        cache.set(key, locale, 300)
    page.locale = locale


def translated_name(model: type[Model]) -> Any:
    """Expression for a vocabulary row's name in the active language, falling
    back to the default-language name (the row itself)."""
    locale_id = active_locale_id()
    if locale_id is None or locale_id == default_locale_id():
        return F("name")
    translated = model.objects.filter(
        translation_key=OuterRef("translation_key"), locale_id=locale_id
    ).values("name")[:1]
    return Coalesce(Subquery(translated), F("name"))


# --- directory --------------------------------------------------------------


def register_queryset(index_page: AssociationIndexPage) -> QuerySet[AssociationPage]:
    """Every association the public may see in this register."""
    return AssociationPage.objects.child_of(index_page).listed()


def _through(facet: Facet) -> type[Model]:
    return getattr(AssociationPage, facet.field).through


def _vocabulary_fk(facet: Facet) -> str:
    return facet.model._meta.model_name


def facet_condition(facet: Facet, slug: str) -> Q:
    through = _through(facet)
    ids = through.objects.filter(**{f"{_vocabulary_fk(facet)}__slug": slug}).values(
        "associationpage_id"
    )
    return Q(pk__in=ids)


def search_condition(query: str) -> Q:
    """Wagtail search as a filter on the matching ids, so search combines with
    the other filters in plain SQL. The ids are fetched once (one query) and
    cached: PostgreSQL would otherwise evaluate the full-text match again in
    every facet's subquery. Only the words are searched: quotes and operators
    would reach SQLite FTS5 as syntax."""
    words = " ".join(_WORD_RE.findall(query)).lower()
    if not words:
        return Q()
    return Q(pk__in=search_ids(words))


def search_ids(words: str) -> list[int]:
    key = _cache_key("search", words)
    ids = cache.get(key)
    if ids is None:
        results = AssociationPage.objects.search(
            words, operator="and", order_by_relevance=False
        )
        get_queryset = getattr(results, "get_queryset", None)
        if get_queryset is not None:  # the database backends
            ids = list(get_queryset().order_by().values_list("pk", flat=True))
        else:  # Elasticsearch and friends
            ids = [page.pk for page in results]
        cache.set(key, ids, CACHE_TTL)
    return ids


def filter_conditions(params: DirectoryParams, *, skip: str | None = None) -> Q:
    """All active filters as one condition; ``skip`` leaves one facet out
    (facet counts respect every filter except their own)."""
    condition = Q()
    if params.query:
        condition &= search_condition(params.query)
    for param, slug in params.facets.items():
        if param != skip:
            condition &= facet_condition(FACETS_BY_PARAM[param], slug)
    if params.volunteers and skip != VOLUNTEERS_PARAM:
        condition &= Q(looking_for_volunteers=True)
    return condition


@dataclass
class FacetOption:
    id: int
    slug: str
    label: str
    sort_order: int
    count: int
    selected: bool = False


def facet_options(
    base: QuerySet[AssociationPage], params: DirectoryParams
) -> tuple[dict[str, list[FacetOption]], dict[str, int]]:
    """Each facet's options (default-locale rows, labelled in the active
    language) with how many associations match the other filters, plus the
    result count with and without "looking for volunteers". One query: a
    UNION ALL of one aggregate per facet and two counting rows."""
    locale_id = default_locale_id()
    columns = ("kind", "pk", "slug", "label", "sort_order", "n")
    parts = []
    for facet in FACETS:
        matching = base.filter(filter_conditions(params, skip=facet.param))
        parts.append(
            facet.model.objects.filter(locale_id=locale_id)
            .order_by()
            .annotate(
                n=Count(
                    "associationpage",
                    filter=Q(associationpage__in=matching.order_by().values("pk")),
                ),
            )
            .annotate(label=translated_name(facet.model), kind=_literal(facet.param))
            .values_list(*columns)
        )
    without_volunteers = base.filter(filter_conditions(params, skip=VOLUNTEERS_PARAM))
    for kind, matching in (
        (_TOTAL, without_volunteers),
        (VOLUNTEERS_PARAM, without_volunteers.filter(looking_for_volunteers=True)),
    ):
        # A one-row table carries the count as a scalar subquery.
        parts.append(
            Locale.objects.filter(pk=locale_id)
            .order_by()
            .annotate(
                kind=_literal(kind),
                slug=_literal(""),
                label=_literal(""),
                sort_order=Value(0, output_field=IntegerField()),
                n=_count(matching),
            )
            .values_list(*columns)
        )
    options: dict[str, list[FacetOption]] = {facet.param: [] for facet in FACETS}
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


_TOTAL = "_total"


def _count(queryset: QuerySet) -> Subquery:
    """``SELECT COUNT(*)`` of ``queryset`` as a scalar subquery."""
    counted = queryset.order_by().annotate(
        _count=Func(F("pk"), function="COUNT", output_field=IntegerField())
    )
    return Subquery(counted.values("_count")[:1], output_field=IntegerField())


def _literal(text: str) -> Any:
    from django.db.models import CharField, Value

    return Value(text, output_field=CharField())


# --- caching ------------------------------------------------------------------
#
# Counting facets over the whole register is the directory's only expensive
# step. Results are cached per filter combination under a "generation" that
# every public change bumps (publish, unpublish, delete, move, vocabulary or
# view-restriction edits, bulk seeding); the TTL is only a safety net.

CACHE_TTL = 600


def _cache_key(*parts: Any) -> str:
    raw = repr(parts).encode()
    return f"foreningar:dir:{register_generation()}:{hashlib.sha1(raw).hexdigest()}"


def vocabulary_options() -> dict[str, list[FacetOption]] | None:
    """Cached facet options (labels in the active language), or None."""
    language = translation.get_language() or settings.LANGUAGE_CODE
    return cache.get(_cache_key("vocabulary", language))


def _remember_vocabulary(options: dict[str, list[FacetOption]]) -> None:
    language = translation.get_language() or settings.LANGUAGE_CODE
    rows = {
        param: [FacetOption(o.id, o.slug, o.label, o.sort_order, 0) for o in opts]
        for param, opts in options.items()
    }
    cache.set(_cache_key("vocabulary", language), rows, CACHE_TTL)


def facet_counts(
    base: QuerySet[AssociationPage],
    params: DirectoryParams,
    vocabulary: dict[str, list[FacetOption]],
) -> tuple[dict[str, list[FacetOption]], dict[str, int]]:
    """Like ``facet_options`` when the options are known: only the counts,
    grouped straight from the M2M tables (cheaper), in one UNION ALL."""
    columns = ("kind", "term", "n")
    parts = []
    for facet in FACETS:
        matching = base.filter(filter_conditions(params, skip=facet.param))
        through = _through(facet)
        term = f"{_vocabulary_fk(facet)}_id"
        parts.append(
            through.objects.filter(
                associationpage_id__in=matching.order_by().values("pk")
            )
            .order_by()
            .values(term)
            .annotate(n=Count("*"))
            .annotate(kind=_literal(facet.param), term=F(term))
            .values_list(*columns)
        )
    without_volunteers = base.filter(filter_conditions(params, skip=VOLUNTEERS_PARAM))
    for kind, matching in (
        (_TOTAL, without_volunteers),
        (VOLUNTEERS_PARAM, without_volunteers.filter(looking_for_volunteers=True)),
    ):
        parts.append(
            Locale.objects.filter(pk=default_locale_id())
            .order_by()
            .annotate(kind=_literal(kind), term=F("pk"), n=_count(matching))
            .values_list(*columns)
        )
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


@dataclass
class Directory:
    params: DirectoryParams
    facets: dict[str, list[FacetOption]]
    total: int
    volunteer_count: int
    associations: Any  # LazyPage
    page: int
    num_pages: int
    labels: dict[str, dict[int, str]]
    cache_key: str = ""


def _drop_unknown_filters(
    params: DirectoryParams, options: dict[str, list[FacetOption]]
) -> bool:
    unknown = [
        param
        for param, slug in params.facets.items()
        if not any(option.slug == slug for option in options[param])
    ]
    for param in unknown:
        del params.facets[param]
        params.notices.append(_unknown_filter_notice(FACETS_BY_PARAM[param]))
    return bool(unknown)


def _counted(
    index_page: AssociationIndexPage,
    base: QuerySet[AssociationPage],
    params: DirectoryParams,
) -> tuple[dict[str, list[FacetOption]], dict[str, int]]:
    """Facet options and totals: from the cache, else one query (two when a
    filter names an unknown term and the vocabulary was not cached)."""
    vocabulary = vocabulary_options()
    if vocabulary is not None:
        _drop_unknown_filters(params, vocabulary)
    key = _cache_key(
        "counts",
        index_page.pk,
        translation.get_language(),
        params.query,
        sorted(params.facets.items()),
        params.volunteers,
    )
    cached = cache.get(key)
    if cached is not None:
        options, totals = cached
    elif vocabulary is not None:
        options, totals = facet_counts(base, params, vocabulary)
    else:
        options, totals = facet_options(base, params)
        _remember_vocabulary(options)
        if _drop_unknown_filters(params, options):
            options, totals = facet_options(base, params)
    cache.set(key, (options, totals), CACHE_TTL)
    for param, rows in options.items():
        for option in rows:
            option.selected = params.facets.get(param) == option.slug
    return options, totals


def directory(index_page: AssociationIndexPage, params: DirectoryParams) -> Directory:
    """One page of the directory with facet counts. Queries: facets and
    counts (one, skipped when cached), the page of associations with their
    logos (one), their card terms (one), logo renditions (one, if any)."""
    base = register_queryset(index_page)
    facets, totals = _counted(index_page, base, params)

    total = totals[VOLUNTEERS_PARAM] if params.volunteers else totals[_TOTAL]
    num_pages = max(1, -(-total // PAGE_SIZE))
    if params.page > num_pages:
        params.notices.append(
            _("Sidan %(page)s finns inte. Du ser sista sidan, sida %(last)s.")
            % {"page": params.page, "last": num_pages}
        )
        params.page = num_pages

    labels = {
        facet.field: {option.id: option.label for option in facets[facet.param]}
        for facet in FACETS
    }
    return Directory(
        params=params,
        facets=facets,
        total=total,
        volunteer_count=totals[VOLUNTEERS_PARAM],
        associations=LazyPage(index_page, base, params, total, labels),
        page=params.page,
        num_pages=num_pages,
        labels=labels,
        cache_key=_cache_key(
            "html",
            index_page.pk,
            translation.get_language(),
            params.query,
            sorted(params.facets.items()),
            params.volunteers,
            params.sort,
            params.page,
        ),
    )


class LazyPage:
    """The page of associations, loaded on first use: when the rendered list
    is in the template fragment cache it is never loaded at all. Three
    queries: the associations with their logos, their card terms, logo
    renditions (if any logos)."""

    def __init__(self, index_page, base, params: DirectoryParams, total, labels):
        self._args = (index_page, base, params, total, labels)
        self._rows: list[AssociationPage] | None = None

    def _load(self) -> list[AssociationPage]:
        if self._rows is None:
            self._rows = _load_page(*self._args)
        return self._rows

    def __iter__(self):
        return iter(self._load())

    def __len__(self) -> int:
        return len(self._load())

    def __bool__(self) -> bool:
        return bool(self._args[3])


def _load_page(
    index_page: AssociationIndexPage,
    base: QuerySet[AssociationPage],
    params: DirectoryParams,
    total: int,
    labels: dict[str, dict[int, str]],
) -> list[AssociationPage]:
    if not total:
        return []
    offset = (params.page - 1) * PAGE_SIZE
    order = SORTS[params.sort][1]
    # Sort narrow rows, then load only the page's full rows.
    ids = Subquery(
        base.filter(filter_conditions(params))
        .order_by(*order)
        .values("pk")[offset : offset + PAGE_SIZE]
    )
    associations = list(
        with_card_data(AssociationPage.objects.filter(pk__in=ids)).order_by(*order)
    )
    attach_card_terms(associations, labels)
    return associations


def with_card_data(queryset: QuerySet[AssociationPage]) -> QuerySet[AssociationPage]:
    """What a directory card shows: the logo with its rendition (one join and
    one query)."""
    rendition_model = get_image_model().get_rendition_model()
    return queryset.select_related("logo").prefetch_related(
        Prefetch(
            "logo__renditions",
            queryset=rendition_model.objects.filter(filter_spec=LOGO_SPEC),
            to_attr="prefetched_renditions",
        )
    )


CARD_FIELDS = ("activity_areas", "districts")


def attach_card_terms(
    associations: list[AssociationPage], labels: dict[str, dict[int, str]]
) -> None:
    """Set ``card_terms`` ({field: [label, ...]}) on each association: the
    activity areas and districts of the whole page in one UNION ALL query over
    the M2M tables, labelled from the facet rows already loaded."""
    if not associations:
        return
    ids = [association.pk for association in associations]
    parts = []
    for field_name in CARD_FIELDS:
        through = getattr(AssociationPage, field_name).through
        fk = getattr(AssociationPage, field_name).field.related_model._meta.model_name
        parts.append(
            through.objects.filter(associationpage_id__in=ids)
            .order_by()
            .annotate(kind=_literal(field_name))
            .values_list("kind", "associationpage_id", f"{fk}_id")
        )
    found: dict[int, dict[str, list[int]]] = {}
    for kind, association_id, term_id in parts[0].union(*parts[1:], all=True):
        found.setdefault(association_id, {}).setdefault(kind, []).append(term_id)
    for association in associations:
        terms = found.get(association.pk, {})
        association.card_terms = {}
        for field_name in CARD_FIELDS:
            known = labels.get(field_name, {})
            ordered = sorted(
                (
                    known[term_id]
                    for term_id in terms.get(field_name, [])
                    if term_id in known
                ),
                key=str.lower,
            )
            association.card_terms[field_name] = ordered


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


# --- profile ---------------------------------------------------------------


def profile_terms(association: AssociationPage) -> dict[str, list[dict[str, Any]]]:
    """The association's vocabulary terms, labelled in the active language,
    in one UNION ALL query."""
    parts = []
    for facet in FACETS:
        values = ["kind", "pk", "slug", "label", "sort_order", "code"]
        queryset = (
            facet.model.objects.filter(associationpage=association.pk)
            .order_by()
            .annotate(label=translated_name(facet.model), kind=_literal(facet.field))
        )
        if facet.model is not ActivityLanguage:
            queryset = queryset.annotate(code=_literal(""))
        parts.append(queryset.values_list(*values))
    terms: dict[str, list[dict[str, Any]]] = {facet.field: [] for facet in FACETS}
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
    areas = [term["id"] for term in terms.get("activity_areas", [])]
    districts = [term["id"] for term in terms.get("districts", [])]
    if not areas and not districts:
        return []
    queryset = AssociationPage.objects.listed().exclude(pk=association.pk)
    if areas:
        queryset = queryset.filter(
            pk__in=AssociationPage.activity_areas.through.objects.filter(
                activityarea_id__in=areas
            ).values("associationpage_id")
        )
    if districts:
        queryset = queryset.filter(
            pk__in=AssociationPage.districts.through.objects.filter(
                district_id__in=districts
            ).values("associationpage_id")
        )
    return list(
        queryset.only(
            "title", "slug", "short_description", "url_path", "locale_id"
        ).order_by(F("last_published_at").desc(nulls_last=True), "pk")[:RELATED_COUNT]
    )


# --- open data ---------------------------------------------------------------


def export_queryset(
    index_page: AssociationIndexPage, params: DirectoryParams
) -> QuerySet[AssociationPage]:
    """The public register (optionally filtered like the directory) for CSV."""
    term_queryset = {
        facet.field: facet.model.objects.annotate(
            label=translated_name(facet.model)
        ).order_by("sort_order", "name")
        for facet in FACETS
    }
    return (
        register_queryset(index_page)
        .filter(filter_conditions(params))
        .prefetch_related(
            *(Prefetch(name, queryset=qs) for name, qs in term_queryset.items()),
            "keywords",
        )
        .order_by(Lower("title"), "pk")
    )
