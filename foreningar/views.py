"""Public views of the association register: directory and profile context
(rendered by the Wagtail pages), and the CSV export."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator
from typing import Any
from urllib.parse import quote, urlencode

from django.contrib import messages
from django.core.paginator import Paginator
from django.core.serializers.json import DjangoJSONEncoder
from django.http import Http404, HttpRequest, QueryDict, StreamingHttpResponse
from django.utils import timezone, translation
from django.utils.html import strip_tags
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from wagtail.models import Page

from home.models import SiteSettings

from .i18n import page_url
from .models import AssociationIndexPage, AssociationPage
from .models.associations import LOGO_SPEC
from .selectors import (
    CACHE_TTL,
    FACETS,
    QUERY_PARAM,
    SORT_PARAM,
    SORTS,
    VOLUNTEERS_PARAM,
    attach_cached_locale,
    directory,
    export_queryset,
    parse_params,
    profile_terms,
    related_associations,
)


def content_language(page: Page) -> str:
    """``lang`` for text stored in ``page``'s language, when it differs from
    the language of the interface around it; empty otherwise."""
    language = page.locale.language_code
    return "" if language == translation.get_language() else language


# --- directory -------------------------------------------------------------


def directory_context(
    request: HttpRequest, index_page: AssociationIndexPage
) -> dict[str, Any]:
    attach_cached_locale(index_page)
    params = parse_params(request.GET)
    source = index_page.canonical_index()
    result = directory(source, params)
    for notice in params.notices:
        messages.warning(request, notice)

    index_url = page_url(index_page, request)
    paginator = Paginator([], 20)
    paginator.__dict__["count"] = result.total
    page_obj = paginator.page(result.page)
    page_obj.object_list = result.associations

    cards = LazyCards(result.associations, index_url)
    facets = [
        {
            "param": facet.param,
            "label": facet.label,
            "options": result.facets[facet.param],
            "selected": params.facets.get(facet.param, ""),
        }
        for facet in FACETS
    ]
    filter_query = _filter_query(request.GET)
    return {
        "directory": result,
        "params": params,
        "facets": facets,
        "sorts": [(key, label) for key, (label, _order) in SORTS.items()],
        "cards": cards,
        "page_obj": page_obj,
        "index_url": index_url,
        "result_summary": _result_summary(result.total, params.is_filtered),
        "active_filters": _active_filters(request.GET, params, result),
        "csv_url": f"{index_url}export.csv"
        + (f"?{filter_query}" if filter_query else ""),
        "content_lang": content_language(source),
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
    keep = [QUERY_PARAM, VOLUNTEERS_PARAM, SORT_PARAM] + [f.param for f in FACETS]
    pairs = [
        (key, data.get(key))
        for key in keep
        if key != drop and data.get(key) not in (None, "")
    ]
    return urlencode(pairs)


def _active_filters(data: QueryDict, params, result) -> list[dict[str, str]]:
    """One "remove this filter" link per active filter, for the empty state."""
    active = []
    if params.query:
        active.append(
            {
                "label": _("sökordet ”%(query)s”") % {"query": params.query},
                "url": "?" + _filter_query(data, drop=QUERY_PARAM),
            }
        )
    for facet in FACETS:
        slug = params.facets.get(facet.param)
        if slug:
            label = next(
                (o.label for o in result.facets[facet.param] if o.slug == slug), slug
            )
            active.append(
                {
                    "label": _("%(filter)s ”%(value)s”")
                    % {"filter": str(facet.label).lower(), "value": label},
                    "url": "?" + _filter_query(data, drop=facet.param),
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


# --- profile ---------------------------------------------------------------


def profile_context(
    request: HttpRequest, association: AssociationPage
) -> dict[str, Any]:
    attach_cached_locale(association)
    terms = profile_terms(association)
    related = related_associations(association, terms)
    index_page = association.get_parent()
    index_url = page_url(index_page, request) if index_page else "/"
    profile_url = f"{index_url}{association.slug}/"
    site_settings = SiteSettings.for_request(request)
    return {
        "terms": terms,
        "keywords": list(association.keywords.all()),
        "related": [
            {"page": other, "url": f"{index_url}{other.slug}/"} for other in related
        ],
        "index_url": index_url,
        "profile_url": profile_url,
        "content_lang": content_language(association),
        "lang_marked_inline": True,
        "report_url": _report_url(
            site_settings.email, association, request, profile_url
        ),
        "json_ld": organization_json_ld(
            association, request.build_absolute_uri(profile_url), terms
        ),
    }


def _report_url(
    email: str, association: AssociationPage, request: HttpRequest, url: str
) -> str:
    if not email:
        return ""
    subject = _("Inaktuella uppgifter: %(name)s") % {"name": association.title}
    body = _("Sidan: %(url)s\n\nDet här stämmer inte längre:\n") % {
        "url": request.build_absolute_uri(url)
    }
    return f"mailto:{email}?subject={quote(subject)}&body={quote(body)}"


def organization_json_ld(
    association: AssociationPage, url: str, terms: dict[str, list[dict[str, Any]]]
) -> dict[str, Any]:
    """schema.org Organization for the profile page."""
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "Organization",
        "name": association.title,
        "url": url,
        "description": association.short_description,
    }
    if association.org_id:
        data["identifier"] = {
            "@type": "PropertyValue",
            "propertyID": association.get_org_id_kind_display(),
            "value": association.org_id,
        }
    if association.founded_year:
        data["foundingDate"] = str(association.founded_year)
    if association.public_email:
        data["email"] = association.public_email
    if association.public_phone:
        data["telephone"] = association.public_phone
    if association.street_address or association.postcode or association.town:
        address = {
            "@type": "PostalAddress",
            "streetAddress": association.street_address,
            "postalCode": association.postcode,
            "addressLocality": association.town,
        }
        data["address"] = {key: value for key, value in address.items() if value}
    if association.latitude is not None and association.longitude is not None:
        data["location"] = {
            "@type": "Place",
            "name": association.meeting_place_name or association.title,
            "geo": {
                "@type": "GeoCoordinates",
                "latitude": float(association.latitude),
                "longitude": float(association.longitude),
            },
        }
    if association.public_email or association.public_phone:
        contact = {"@type": "ContactPoint", "contactType": "general"}
        if association.public_email:
            contact["email"] = association.public_email
        if association.public_phone:
            contact["telephone"] = association.public_phone
        languages = [t["code"] or t["label"] for t in terms.get("languages", [])]
        if languages:
            contact["availableLanguage"] = languages
        data["contactPoint"] = contact
    same_as = [
        value
        for value in (
            association.website,
            association.facebook_url,
            association.instagram_url,
            association.other_social_url,
        )
        if value
    ]
    if same_as:
        data["sameAs"] = same_as
    if association.logo_id:
        data["logo"] = association.logo.get_rendition(LOGO_SPEC).full_url
    return data


_JSON_ESCAPES = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}


def json_ld_text(data: dict[str, Any]) -> str:
    """JSON for a ``<script type="application/ld+json">`` block, escaped like
    Django's ``json_script`` so no value can close the script element."""
    return json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False).translate(
        _JSON_ESCAPES
    )


# --- CSV export ----------------------------------------------------------------

CSV_DELIMITER = ";"  # Excel with Swedish/Finnish regional settings expects ";"
_FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value: Any) -> Any:
    """Neutralise spreadsheet formulas (CSV injection): text that starts like
    a formula gets a leading apostrophe. Numbers stay numbers."""
    if isinstance(value, str) and value.startswith(_FORMULA_PREFIXES):
        return "'" + value
    return value


class _Echo:
    def write(self, value: str) -> str:
        return value


def csv_columns() -> list[tuple[str, Any]]:
    """(header, getter) pairs: the public fields only, in reading order."""
    meta = AssociationPage._meta

    def field(name: str):
        return (str(meta.get_field(name).verbose_name), lambda a: getattr(a, name))

    def terms(name: str):
        return (
            str(meta.get_field(name).verbose_name),
            lambda a: ", ".join(t.label for t in getattr(a, name).all()),
        )

    def yes_no(name: str):
        return (
            str(meta.get_field(name).verbose_name),
            lambda a: _("ja") if getattr(a, name) else _("nej"),
        )

    return [
        (_("namn"), lambda a: a.title),
        field("short_description"),
        (
            str(meta.get_field("description").verbose_name),
            lambda a: strip_tags(a.description).strip(),
        ),
        (_("adress på webbplatsen"), lambda a: a.export_url),
        (
            str(meta.get_field("org_id_kind").verbose_name),
            lambda a: a.get_org_id_kind_display() if a.org_id else "",
        ),
        field("org_id"),
        field("founded_year"),
        field("member_count"),
        terms("activity_areas"),
        terms("target_groups"),
        terms("districts"),
        terms("languages"),
        (
            str(meta.get_field("keywords").verbose_name),
            lambda a: ", ".join(sorted(tag.name for tag in a.keywords.all())),
        ),
        field("meeting_place_name"),
        field("street_address"),
        field("postcode"),
        field("town"),
        field("latitude"),
        field("longitude"),
        field("meeting_times"),
        field("premises_accessibility"),
        yes_no("step_free_access"),
        yes_no("accessible_toilet"),
        yes_no("hearing_loop"),
        field("membership_fee"),
        yes_no("looking_for_volunteers"),
        field("volunteers_text"),
        field("public_email"),
        field("public_phone"),
        field("website"),
        field("facebook_url"),
        field("instagram_url"),
        field("other_social_url"),
        (str(meta.get_field("status").verbose_name), lambda a: a.get_status_display()),
        (
            str(meta.get_field("last_verified_at").verbose_name),
            lambda a: (
                timezone.localtime(a.last_verified_at).date().isoformat()
                if a.last_verified_at
                else ""
            ),
        ),
    ]


def _csv_rows(queryset, columns, base_url: str) -> Iterator[list[Any]]:
    yield [header for header, _getter in columns]
    for association in queryset.iterator(chunk_size=500):
        association.export_url = f"{base_url}{association.slug}/"
        yield [safe_cell(getter(association)) for _header, getter in columns]


def export_csv(request: HttpRequest, path: str = "") -> StreamingHttpResponse:
    """``<register>/export.csv``: the public register, streamed, UTF-8 with a
    BOM and ``;`` between fields so Excel opens it with å, ä and ö intact.
    Accepts the directory's filters."""
    index_page = Page.find_for_request(request, path)
    if index_page is None:
        raise Http404
    index_page = index_page.specific
    if (
        not isinstance(index_page, AssociationIndexPage)
        or index_page.get_view_restrictions()
    ):
        raise Http404
    params = parse_params(request.GET)
    source = index_page.canonical_index()
    queryset = export_queryset(source, params)
    base_url = request.build_absolute_uri(page_url(index_page, request))
    writer = csv.writer(_Echo(), delimiter=CSV_DELIMITER, lineterminator="\r\n")
    language = translation.get_language()

    def stream() -> Iterator[str]:
        # The body is produced after the view returns; keep its language.
        with translation.override(language):
            yield "\ufeff"
            for row in _csv_rows(queryset, csv_columns(), base_url):
                yield writer.writerow(row)

    response = StreamingHttpResponse(stream(), content_type="text/csv; charset=utf-8")
    filename = f"foreningar-{timezone.localdate().isoformat()}.csv"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
