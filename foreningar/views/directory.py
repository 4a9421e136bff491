"""The directory at /foreningar/ (context of AssociationIndexPage) and the
register's section on the home page."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlencode

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import HttpRequest, QueryDict
from django.template.loader import render_to_string
from django.utils.translation import gettext as _
from django.utils.translation import ngettext, pgettext_lazy

from core.i18n import attach_locale, foreign_language, page_url
from core.pages import context_provider
from core.search import SearchHit, SearchSection

from ..caching import CACHE_TTL
from ..models import VOCABULARIES, AssociationIndexPage
from ..selectors import (
    PAGE_SIZE,
    QUERY_PARAM,
    SEARCH_COUNT_CAP,
    SORT_PARAM,
    SORTS,
    VOLUNTEERS_PARAM,
    DirectoryParams,
    default_register,
    directory,
    newest_associations,
    parse_params,
    search_associations,
    vocabulary_options,
)


@context_provider(AssociationIndexPage)
def directory_context(
    request: HttpRequest, index_page: AssociationIndexPage
) -> dict[str, Any]:
    attach_locale(index_page)
    params = parse_params(request.GET)
    source = index_page.canonical_index()
    result = directory(source, params)
    for notice in params.notices:
        messages.warning(request, notice)

    index_url = page_url(index_page, request)
    paginator = Paginator([], PAGE_SIZE)
    paginator.__dict__["count"] = result.total
    page_obj = paginator.page(result.page)
    page_obj.object_list = result.associations

    facets = [
        {
            "param": spec.param,
            "label": spec.label,
            "any_label": spec.any_label or _("Alla"),
            "options": result.facets[spec.param],
            "selected": params.facets.get(spec.param, ""),
        }
        for spec in VOCABULARIES
    ]
    filter_query = _filter_query(request.GET)
    return {
        "directory": result,
        "params": params,
        "facets": facets,
        "sorts": list(SORTS.items()),
        "cards": LazyCards(result.associations, index_url),
        "page_obj": page_obj,
        "index_url": index_url,
        "result_summary": _result_summary(result.total, params.is_filtered),
        "active_filters": _active_filters(request.GET, params, result),
        "csv_url": f"{index_url}export.csv"
        + (f"?{filter_query}" if filter_query else ""),
        "content_lang": foreign_language(source),
        "results_cache_key": result.cache_key,
        "results_cache_seconds": CACHE_TTL,
        "lang_marked_inline": True,
        "query_param": QUERY_PARAM,
        "sort_param": SORT_PARAM,
        "volunteers_param": VOLUNTEERS_PARAM,
    }


class LazyCards:
    """Card data for the template, built only if the cached fragment misses."""

    def __init__(self, associations, index_url: str):
        self._associations = associations
        self._index_url = index_url
        self._cards: list[dict[str, Any]] | None = None

    def __iter__(self):
        if self._cards is None:
            self._cards = [
                {
                    "page": association,
                    "url": f"{self._index_url}{association.slug}/",
                    "areas": association.card_terms["activity_areas"],
                    "districts": association.card_terms["districts"],
                    "target_groups": association.card_terms["target_groups"],
                    "languages": association.card_terms["languages"],
                }
                for association in self._associations
            ]
        return iter(self._cards)

    def __bool__(self) -> bool:
        return bool(self._associations)


def _result_summary(total: int, filtered: bool) -> str:
    if filtered:
        return ngettext(
            "%(count)s förening matchar din sökning",
            "%(count)s föreningar matchar din sökning",
            total,
        ) % {"count": total}
    return ngettext(
        "%(count)s förening i registret", "%(count)s föreningar i registret", total
    ) % {"count": total}


def _filter_query(data: QueryDict, drop: str | None = None) -> str:
    """The current filters as a query string, without ``page`` (and ``drop``)."""
    keep = [QUERY_PARAM, VOLUNTEERS_PARAM, SORT_PARAM] + [s.param for s in VOCABULARIES]
    pairs = [
        (key, data.get(key))
        for key in keep
        if key != drop and data.get(key) not in (None, "")
    ]
    return urlencode(pairs)


def _active_filters(
    data: QueryDict, params: DirectoryParams, result
) -> list[dict[str, str]]:
    """One "remove this filter" link per active filter, for the empty state."""
    active = []
    if params.query:
        active.append(
            {
                "label": _("sökordet ”%(query)s”") % {"query": params.query},
                "url": "?" + _filter_query(data, drop=QUERY_PARAM),
            }
        )
    for spec in VOCABULARIES:
        slug = params.facets.get(spec.param)
        if slug:
            label = next(
                (o.label for o in result.facets[spec.param] if o.slug == slug), slug
            )
            active.append(
                {
                    "label": _("%(filter)s ”%(value)s”")
                    % {"filter": str(spec.label).lower(), "value": label},
                    "url": "?" + _filter_query(data, drop=spec.param),
                }
            )
    if params.volunteers:
        active.append(
            {
                "label": _("filtret ”söker volontärer”"),
                "url": "?" + _filter_query(data, drop=VOLUNTEERS_PARAM),
            }
        )
    return active


# The home page's topic shortcuts into the filtered directory: (param, slug).
TOPICS = (
    ("verksamhet", "idrott"),
    ("verksamhet", "barn-och-unga"),
    ("verksamhet", "seniorer"),
    ("verksamhet", "kultur"),
    ("verksamhet", "musik-och-kor"),
    ("verksamhet", "funktionsratt"),
    ("verksamhet", "integration"),
    ("verksamhet", "miljo-och-natur"),
)


def topic_links(index_url: str) -> list[dict[str, str]]:
    """Shortcuts for the topics that exist in the vocabulary (cached), in
    the reader's language."""
    options = vocabulary_options()
    links = []
    for param, slug in TOPICS:
        option = next((o for o in options.get(param, []) if o.slug == slug), None)
        if option is not None:
            links.append(
                {
                    "label": option.label,
                    "url": f"{index_url}?{urlencode({param: slug})}",
                }
            )
    return links


# The home page's example searches, as words a reader of each language would
# type; each finds demo associations in every language (tested).
EXAMPLE_SEARCHES = (
    pgettext_lazy("exempelsökning", "fotboll"),
    pgettext_lazy("exempelsökning", "kör"),
    pgettext_lazy("exempelsökning", "seniorer"),
)


def home_section(request: HttpRequest, context) -> str:
    """Search box into the directory and the newest associations, for the
    home page."""
    index_page = default_register()
    if index_page is None:
        return ""
    index_url = page_url(index_page, request)
    return render_to_string(
        "foreningar/includes/home_associations.html",
        {
            "index_url": index_url,
            "index_page": index_page,
            "topics": topic_links(index_url),
            "examples": [
                {"word": word, "url": f"{index_url}?{urlencode({QUERY_PARAM: word})}"}
                for word in map(str, EXAMPLE_SEARCHES)
            ],
            "cards": [
                {"page": association, "url": f"{index_url}{association.slug}/"}
                for association in newest_associations(index_page, 4)
            ],
            "content_lang": foreign_language(index_page),
        },
        request=request,
    )


def site_search_section(
    request: HttpRequest, query: str, limit: int
) -> SearchSection | None:
    """The register's part of /sok/: the first associations that match, and
    a link to all of them in the directory."""
    index_page = default_register()
    if index_page is None:
        return None
    total, associations = search_associations(index_page, query, limit)
    capped = total >= SEARCH_COUNT_CAP
    index_url = page_url(index_page, request)
    lang = foreign_language(index_page)
    return SearchSection(
        heading=_("Föreningar"),
        hits=[
            SearchHit(
                title=association.title,
                url=f"{index_url}{association.slug}/",
                text=association.short_description,
                lang=lang,
            )
            for association in associations
        ],
        total=total,
        more_url=f"{index_url}?{urlencode({QUERY_PARAM: query})}",
        more_label=(
            _("Visa alla föreningar som matchar i föreningsregistret")
            if capped
            else ngettext(
                "Visa föreningen i föreningsregistret",
                "Visa alla %(count)s föreningar i föreningsregistret",
                total,
            )
            % {"count": total}
        ),
        capped=capped,
    )
