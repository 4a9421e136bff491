"""One page of the directory: facet counts, the page of associations and the
terms their cards show, in a fixed number of queries whatever the size of the
register."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.db.models import Prefetch, QuerySet, Subquery
from django.utils.translation import gettext_lazy as _
from wagtail.images import get_image_model

from core.i18n import current_language

from ..caching import REGISTER
from ..models import LOGO_SPEC, VOCABULARIES, AssociationIndexPage, AssociationPage
from .facets import TOTAL, FacetOptions, counted_facets
from .params import PAGE_SIZE, SORTS, VOLUNTEERS_PARAM, DirectoryParams
from .queries import filter_conditions, literal, register_queryset, through_model

CARD_SPECS = tuple(spec for spec in VOCABULARIES if spec.on_card)


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
    """One page of the directory with facet counts. Queries: facets and
    counts (one, skipped when cached), the page of associations with their
    logos (one), their card terms (one), logo renditions (one, if any)."""
    base = register_queryset(index_page)
    facets, totals = counted_facets(index_page, base, params)

    total = totals[VOLUNTEERS_PARAM] if params.volunteers else totals[TOTAL]
    num_pages = max(1, -(-total // PAGE_SIZE))
    if params.page > num_pages:
        params.notices.append(
            _("Sidan %(page)s finns inte. Du ser sista sidan, sida %(last)s.")
            % {"page": params.page, "last": num_pages}
        )
        params.page = num_pages

    labels = {
        spec.field: {option.id: option.label for option in facets[spec.param]}
        for spec in VOCABULARIES
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

    def __init__(self, index_page, base, params: DirectoryParams, total, labels):
        self._args = (base, params, total, labels)
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
    """What a directory card shows: the logo with its rendition."""
    rendition_model = get_image_model().get_rendition_model()
    return queryset.select_related("logo").prefetch_related(
        Prefetch(
            "logo__renditions",
            queryset=rendition_model.objects.filter(filter_spec=LOGO_SPEC),
            to_attr="prefetched_renditions",
        )
    )


def attach_card_terms(
    associations: list[AssociationPage], labels: dict[str, dict[int, str]]
) -> None:
    """Set ``card_terms`` ({field: [label, ...]}) on each association: the card
    vocabularies of the whole page in one UNION ALL query over the
    many-to-many tables, labelled from the facet rows already loaded."""
    if not associations:
        return
    ids = [association.pk for association in associations]
    parts = [
        through_model(spec)
        .objects.filter(associationpage_id__in=ids)
        .order_by()
        .annotate(kind=literal(spec.field))
        .values_list("kind", "associationpage_id", spec.through_column)
        for spec in CARD_SPECS
    ]
    found: dict[int, dict[str, list[int]]] = {}
    for kind, association_id, term_id in parts[0].union(*parts[1:], all=True):
        found.setdefault(association_id, {}).setdefault(kind, []).append(term_id)
    for association in associations:
        terms = found.get(association.pk, {})
        association.card_terms = {}
        for spec in CARD_SPECS:
            known = labels.get(spec.field, {})
            association.card_terms[spec.field] = sorted(
                (known[term] for term in terms.get(spec.field, []) if term in known),
                key=str.lower,
            )
