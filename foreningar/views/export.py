"""``<register>/export.csv``: the public register as open data."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

from django.http import Http404, HttpRequest, StreamingHttpResponse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from wagtail.models import Page

from core.export import csv_lines, plain_text
from core.i18n import page_url

from ..models import VOCABULARY_FIELDS, AssociationIndexPage, AssociationPage
from ..selectors import export_queryset, parse_params

Column = tuple[str, Callable[[AssociationPage], Any]]


def csv_columns() -> list[Column]:
    """(header, getter) pairs: the public fields only, in reading order."""
    meta = AssociationPage._meta

    def heading(name: str) -> str:
        return str(meta.get_field(name).verbose_name)

    def field(name: str) -> Column:
        return (heading(name), lambda a: getattr(a, name))

    def terms(name: str) -> Column:
        return (
            heading(name),
            lambda a: ", ".join(t.label for t in getattr(a, name).all()),
        )

    def yes_no(name: str) -> Column:
        return (heading(name), lambda a: _("ja") if getattr(a, name) else _("nej"))

    return [
        (_("namn"), lambda a: a.title),
        field("short_description"),
        (heading("description"), lambda a: plain_text(a.description)),
        (_("adress på webbplatsen"), lambda a: a.export_url),
        (
            heading("org_id_kind"),
            lambda a: a.get_org_id_kind_display() if a.org_id else "",
        ),
        field("org_id"),
        field("founded_year"),
        field("member_count"),
        *(terms(name) for name in VOCABULARY_FIELDS),
        (
            heading("keywords"),
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
        (heading("status"), lambda a: a.get_status_display()),
        (
            heading("last_verified_at"),
            lambda a: (
                timezone.localtime(a.last_verified_at).date().isoformat()
                if a.last_verified_at
                else ""
            ),
        ),
    ]


def _rows(queryset, columns: list[Column], base_url: str) -> Iterator[list[Any]]:
    for association in queryset.iterator(chunk_size=500):
        association.export_url = f"{base_url}{association.slug}/"
        yield [getter(association) for _header, getter in columns]


def export_csv(request: HttpRequest, path: str = "") -> StreamingHttpResponse:
    """The public register, streamed, UTF-8 with a BOM and ``;`` between
    fields so Excel opens it with å, ä and ö intact. Accepts the directory's
    filters."""
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
    queryset = export_queryset(index_page.canonical_index(), params)
    base_url = request.build_absolute_uri(page_url(index_page, request))
    language = translation.get_language()

    def stream() -> Iterator[str]:
        # The body is produced after the view returns; keep its language.
        with translation.override(language):
            columns = csv_columns()
            yield from csv_lines(
                [header for header, _getter in columns],
                _rows(queryset, columns, base_url),
            )

    response = StreamingHttpResponse(stream(), content_type="text/csv; charset=utf-8")
    filename = f"foreningar-{timezone.localdate().isoformat()}.csv"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
