"""One page of the directory: facet counts, the page of associations and the
terms their cards show, in a fixed number of queries whatever the size of the
register."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.db.models import F, Prefetch, QuerySet
from django.utils.translation import gettext_lazy as _
from wagtail.images import get_image_model

from core.i18n import current_language

from ..caching import REGISTER
from ..models import LOGO_SPEC, VOCABULARIES, AssociationIndexPage, AssociationPage
from .facets import TOTAL, FacetOptions, counted_facets
from .params import PAGE_SIZE, VOLUNTEERS_PARAM, DirectoryParams
from .queries import filter_conditions, name_order_field, register_entries

# Cards show every vocabulary: the terms come with the entries, at no query.
CARD_SPECS = VOCABULARIES
# What a directory card shows of the page (and its URL needs).
CARD_FIELDS = (
    "title",
    "slug",
    "url_path",
    "path",
    "depth",
    "locale_id",
    "short_description",
    "short_description_fi",
    "short_description_en",
    "looking_for_volunteers",
    "status",
    "logo",
)


# Up to this many matches, the page's ids are picked in Python from the
# matches' sort keys; beyond, the database walks the sort index and filters on
# the way. PostgreSQL cannot tell which is cheaper: for a
# filter it misjudges (a whole-town area matches every area filter) it sorted
# the whole register, 19 600 wide rows spilled to disk, 79 ms at 20 000
# associations for a page of 20.
FILTER_FIRST = 1000


def _sort_field(sort: str) -> str:
    return {"nyast": "first_published_at", "uppdaterad": "last_published_at"}.get(
        sort, name_order_field()
    )


def entry_order(sort: str) -> list[Any]:
    """The entries' ORDER BY for a sort of the directory (SORTS' keys)."""
    key = F(_sort_field(sort))
    if sort in ("nyast", "uppdaterad"):
        return [key.desc(nulls_last=True), "-association_id"]
    return [key.asc(), "association_id"]


def _page_ids(entries: QuerySet, sort: str, offset: int) -> list[int]:
    """The ids of one page of few matches, in ``entry_order``'s order,
    sorted in Python: sort keys compare the same way there (core.collation:
    lowercase hexadecimal; datetimes)."""
    keys = list(entries.values_list(_sort_field(sort), "association_id"))
    if sort in ("nyast", "uppdaterad"):
        dated = sorted(((key, pk) for key, pk in keys if key is not None), reverse=True)
        undated = sorted((pk for key, pk in keys if key is None), reverse=True)
        ordered = [pk for _key, pk in dated] + undated
    else:
        ordered = [
            pk for _key, pk in sorted(keys, key=lambda row: (row[0] or "", row[1]))
        ]
    return ordered[offset : offset + PAGE_SIZE]


@dataclass
class Directory:
    params: DirectoryParams
    facets: FacetOptions
    total: int
    volunteer_count: int
    associations: Any  # LazyPage
    page: int
    num_pages: int
    labels: dict[str, dict[int, str]]
    cache_key: str = ""


def directory(index_page: AssociationIndexPage, params: DirectoryParams) -> Directory:
    """One page of the directory with facet counts. Queries: the vocabulary
    (cached), the counts (one, kept or cached), the page's entries (one), the
    associations with their logos (one), logo renditions (one, if any)."""
    facets, totals = counted_facets(index_page, params)
    entries = register_entries(index_page).filter(
        filter_conditions(params, index_page.pk)
    )

    total = totals[VOLUNTEERS_PARAM] if params.volunteers else totals[TOTAL]
    num_pages = max(1, -(-total // PAGE_SIZE))
    if params.page > num_pages:
        params.notices.append(
            _("Sidan %(page)s finns inte. Du ser sista sidan, sida %(last)s.")
            % {"page": params.page, "last": num_pages}
        )
        params.page = num_pages

    # The terms in the vocabulary's order (the options are sorted already).
    labels = {
        spec.field: {option.id: option.label for option in facets[spec.param]}
        for spec in VOCABULARIES
    }
    return Directory(
        params=params,
        facets=facets,
        total=total,
        volunteer_count=totals[VOLUNTEERS_PARAM],
        associations=LazyPage(entries, params, total, labels),
        page=params.page,
        num_pages=num_pages,
        labels=labels,
        cache_key=REGISTER.key(
            "html",
            index_page.pk,
            current_language(),
            *params.cache_parts(),
            params.sort,
            params.page,
        ),
    )


class LazyPage:
    """The page of associations, loaded on first use: when the rendered list
    is in the template fragment cache it is never loaded at all."""

    def __init__(self, entries, params: DirectoryParams, total, labels):
        self._args = (entries, params, total, labels)
        self._rows: list[AssociationPage] | None = None

    def _load(self) -> list[AssociationPage]:
        if self._rows is None:
            self._rows = load_page(*self._args)
        return self._rows

    def __iter__(self):
        return iter(self._load())

    def __len__(self) -> int:
        return len(self._load())

    def __bool__(self) -> bool:
        return bool(self._args[2])


def load_page(
    entries: QuerySet,
    params: DirectoryParams,
    total: int,
    labels: dict[str, dict[int, str]],
) -> list[AssociationPage]:
    """The page's associations (one query for the entries, one for the pages
    with their logos, one for the renditions) with ``card_terms`` set from
    the entries' terms: {field: [label, ...]} in the vocabulary's order."""
    if not total:
        return []
    offset = (params.page - 1) * PAGE_SIZE
    # Two narrow queries either way (the page's ids, then their terms), so
    # the count does not depend on how many match.
    if total <= FILTER_FIRST:
        ids = _page_ids(entries, params.sort, offset)
    else:
        ids = list(
            entries.order_by(*entry_order(params.sort)).values_list(
                "association_id", flat=True
            )[offset : offset + PAGE_SIZE]
        )
    terms_by_id = dict(
        entries.filter(association_id__in=ids).values_list(
            "association_id", "counted_terms"
        )
    )
    rows = [(pk, terms_by_id[pk]) for pk in ids if pk in terms_by_id]
    by_id = {
        page.pk: page
        for page in with_card_data(
            AssociationPage.objects.filter(pk__in=[pk for pk, _terms in rows]).only(
                *CARD_FIELDS
            )
        )
    }
    ranks = {
        spec.field: {term: rank for rank, term in enumerate(labels[spec.field])}
        for spec in CARD_SPECS
    }
    associations = []
    for pk, terms in rows:
        association = by_id.get(pk)
        if association is None:
            continue
        association.card_terms = {
            spec.field: [
                labels[spec.field][term]
                for term in sorted(
                    (t for t in terms.get(spec.param, []) if t in ranks[spec.field]),
                    key=ranks[spec.field].__getitem__,
                )
            ]
            for spec in CARD_SPECS
        }
        associations.append(association)
    return associations


def with_card_data(queryset: QuerySet[AssociationPage]) -> QuerySet[AssociationPage]:
    """What a directory card shows: the logo with its rendition."""
    rendition_model = get_image_model().get_rendition_model()
    return queryset.select_related("logo").prefetch_related(
        Prefetch(
            "logo__renditions",
            queryset=rendition_model.objects.filter(filter_spec=LOGO_SPEC),
            to_attr="prefetched_renditions",
        )
    )
