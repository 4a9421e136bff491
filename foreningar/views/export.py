"""``<register>/export.csv``: the public register as open data."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from operator import itemgetter
from typing import Any

from django.http import Http404, HttpRequest, StreamingHttpResponse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from wagtail.models import Page

from core.export import csv_lines, plain_text
from core.i18n import page_url

from ..identifiers import IdentifierKind
from ..models import VOCABULARIES, AssociationIndexPage, AssociationPage
from ..selectors import export_rows, parse_params, resolve_filters, vocabulary_options

Row = dict[str, Any]
CHUNK_SIZE = 2000  # rows fetched at a time (a server-side cursor on PostgreSQL)
Column = tuple[str, Callable[[Row], Any]]


def csv_columns(labels: dict[str, dict[int, str]]) -> list[Column]:
    """(header, getter) pairs over the rows of ``export_rows``: the public
    fields only, in reading order. ``labels``: {param: {term id: label}}.
    Labels are translated here, once: a getter runs for every cell."""
    meta = AssociationPage._meta
    kinds = {value: str(label) for value, label in IdentifierKind.choices}
    statuses = {value: str(label) for value, label in AssociationPage.Status.choices}
    yes, no = _("ja"), _("nej")
    zone = timezone.get_current_timezone()

    def heading(name: str) -> str:
        return str(meta.get_field(name).verbose_name)

    def field(name: str) -> Column:
        return (heading(name), itemgetter(name))

    def terms(spec) -> Column:
        known = labels.get(spec.param, {})
        return (
            heading(spec.field),
            lambda row: ", ".join(
                known[term]
                for term in row["terms"].get(spec.param, [])
                if term in known
            ),
        )

    def yes_no(name: str) -> Column:
        return (heading(name), lambda row: yes if row[name] else no)

    return [
        (_("namn"), itemgetter("title")),
        field("short_description"),
        (heading("description"), lambda row: plain_text(row["description"])),
        (_("adress på webbplatsen"), itemgetter("url")),
        (
            heading("org_id_kind"),
            lambda row: kinds.get(row["org_id_kind"], "") if row["org_id"] else "",
        ),
        field("org_id"),
        field("founded_year"),
        field("member_count"),
        *(terms(spec) for spec in VOCABULARIES),
        (heading("keywords"), lambda row: ", ".join(row["entry_keywords"] or [])),
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
        (heading("status"), lambda row: statuses.get(row["status"], "")),
        (
            heading("last_verified_at"),
            lambda row: (
                row["last_verified_at"].astimezone(zone).date().isoformat()
                if row["last_verified_at"]
                else ""
            ),
        ),
    ]


def _rows(queryset, columns: list[Column], base_url: str) -> Iterator[list[Any]]:
    for row in queryset.iterator(chunk_size=CHUNK_SIZE):
        row["url"] = f"{base_url}{row['slug']}/"
        yield [getter(row) for _header, getter in columns]


def export_csv(request: HttpRequest, path: str = "") -> StreamingHttpResponse:
    """The public register, streamed, UTF-8 with a BOM and ``;`` between
    fields so Excel opens it with å, ä and ö intact. Accepts the directory's
    filters. Two queries (the vocabulary, the rows) whatever its size."""
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
    options = vocabulary_options()
    resolve_filters(params, options)
    rows = export_rows(index_page.canonical_index(), params)
    base_url = request.build_absolute_uri(page_url(index_page, request))
    language = translation.get_language()

    def stream() -> Iterator[str]:
        # The body is produced after the view returns; keep its language.
        with translation.override(language):
            labels = {
                param: {option.id: option.label for option in terms}
                for param, terms in vocabulary_options().items()
            }
            columns = csv_columns(labels)
            yield from csv_lines(
                [header for header, _getter in columns], _rows(rows, columns, base_url)
            )

    response = StreamingHttpResponse(stream(), content_type="text/csv; charset=utf-8")
    filename = f"foreningar-{timezone.localdate().isoformat()}.csv"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
