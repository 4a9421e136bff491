"""The coordinator's pages in the Wagtail admin: a training's participants
(attendance, CSV and XLSX export, a message to the confirmed or the
waitlisted) and the clash report for the coming 60 days."""

from __future__ import annotations

import datetime
import io
from collections.abc import Iterator
from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse, StreamingHttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.reports import ReportView
from wagtail.permission_policies import ModelPermissionPolicy

from core.export import csv_lines, safe_cell

from .. import services
from ..forms import AttendanceForm, MessageForm
from ..models import AssociationEvent, Participant, TrainingEventPage
from ..selectors import clashes, participants_by_status, seat_counts

CLASH_DAYS = 60


def _require(request: HttpRequest, action: str) -> None:
    if not request.user.has_perm(f"trainings.{action}_participant"):
        raise PermissionDenied


def _event(page_id: int) -> TrainingEventPage:
    return get_object_or_404(TrainingEventPage, pk=page_id).original()


def _admin(request, template, context, status=200):
    return TemplateResponse(
        request, f"trainings/admin/{template}", context, status=status
    )


def participants(request: HttpRequest, page_id: int) -> HttpResponse:
    """Confirmed, waitlisted and cancelled, with attendance for the confirmed."""
    _require(request, "view")
    event = _event(page_id)
    if event.pk != page_id:
        return redirect("trainings_admin:participants", event.pk)
    grouped = participants_by_status(event)
    confirmed = grouped[Participant.Status.CONFIRMED]
    if request.method == "POST":
        _require(request, "change")
        form = AttendanceForm(request.POST, participants=confirmed)
        if form.is_valid():
            changed = services.set_attendance(event, form.values(), user=request.user)
            messages.success(
                request,
                ngettext(
                    "Närvaron är sparad (%(count)s ändring).",
                    "Närvaron är sparad (%(count)s ändringar).",
                    changed,
                )
                % {"count": changed},
            )
            return redirect("trainings_admin:participants", event.pk)
    else:
        form = AttendanceForm(participants=confirmed)
    counts = seat_counts(event)
    return _admin(
        request,
        "participants.html",
        {
            "event": event,
            "confirmed": [(p, form[f"attended-{p.pk}"]) for p in confirmed],
            "waitlisted": grouped[Participant.Status.WAITLISTED],
            "cancelled": grouped[Participant.Status.CANCELLED],
            "counts": counts,
            "fill_percent": round(100 * counts["confirmed"] / event.capacity)
            if event.capacity
            else 0,
            "sessions": event.session_list(),
            "can_change": request.user.has_perm("trainings.change_participant"),
        },
    )


def _export_rows(event: TrainingEventPage) -> tuple[list[str], Iterator[list[Any]]]:
    header = [
        _("status"),
        _("plats i kön"),
        _("namn"),
        _("e-post"),
        _("telefon"),
        _("förening"),
        _("specialkost"),
        _("behov av anpassning"),
        _("språk"),
        _("anmäld"),
        _("närvarade"),
    ]

    def rows():
        position = 0
        for participant in (
            Participant.objects.filter(event=event)
            .select_related("association")
            .order_by("pk")
        ):
            waitlisted = participant.status == Participant.Status.WAITLISTED
            position += waitlisted
            yield [
                participant.get_status_display(),
                position if waitlisted else "",
                participant.name,
                participant.email,
                participant.phone,
                participant.association_label,
                participant.dietary_needs,
                participant.accessibility_needs,
                participant.language,
                timezone.localtime(participant.created_at).replace(tzinfo=None),
                {True: _("ja"), False: _("nej")}.get(participant.attended, ""),
            ]

    return header, rows()


def _filename(event: TrainingEventPage, extension: str) -> str:
    return f"deltagare-{event.slug}-{timezone.localdate().isoformat()}.{extension}"


def export(request: HttpRequest, page_id: int, extension: str) -> HttpResponse:
    """Every participant of the training as CSV or XLSX, each cell through
    core.export.safe_cell (formulas neutralised)."""
    _require(request, "view")
    event = _event(page_id)
    header, rows = _export_rows(event)
    if extension == "csv":
        response = StreamingHttpResponse(
            csv_lines(header, rows), content_type="text/csv; charset=utf-8"
        )
    else:
        from openpyxl import Workbook

        workbook = Workbook(write_only=True)
        sheet = workbook.create_sheet(title=_("Deltagare")[:31])
        sheet.append([safe_cell(cell) for cell in header])
        for row in rows:
            sheet.append([safe_cell(cell) for cell in row])
        output = io.BytesIO()
        workbook.save(output)
        response = HttpResponse(
            output.getvalue(),
            content_type="application/vnd.openxmlformats-officedocument."
            "spreadsheetml.sheet",
        )
    response["Content-Disposition"] = (
        f'attachment; filename="{_filename(event, extension)}"'
    )
    return response


def message(request: HttpRequest, page_id: int) -> HttpResponse:
    """Write a message, see who gets it, then send: two steps."""
    _require(request, "change")
    event = _event(page_id)
    form = MessageForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        people = services.recipients(event, data["group"])
        if request.POST.get("confirm") == "1" and people:
            count = services.email_participants(
                event,
                data["group"],
                data["subject"],
                data["message"],
                user=request.user,
            )
            messages.success(
                request,
                ngettext(
                    "Meddelandet skickas till %(count)s person.",
                    "Meddelandet skickas till %(count)s personer.",
                    count,
                )
                % {"count": count},
            )
            return redirect("trainings_admin:participants", event.pk)
        return _admin(
            request,
            "message_confirm.html",
            {
                "event": event,
                "form": form,
                "people": people,
                "group_label": dict(form.fields["group"].choices)[data["group"]],
            },
        )
    return _admin(
        request,
        "message.html",
        {"event": event, "form": form},
        status=400 if request.method == "POST" else 200,
    )


class ClashReportView(ReportView):
    """Days in the coming 60 with more than one event in the same district:
    so the coordinator can suggest moving one or working together."""

    page_title = gettext_lazy("Krockar i kalendern")
    header_icon = "date"
    index_url_name = "trainings_reports:clashes"
    index_results_url_name = "trainings_reports:clashes_results"
    results_template_name = "trainings/admin/clash_report_results.html"
    model = AssociationEvent
    permission_policy = ModelPermissionPolicy(AssociationEvent)
    permission_required = "view"
    list_export = ["date", "district", "count", "titles"]
    export_headings = {
        "date": gettext_lazy("Datum"),
        "district": gettext_lazy("Område"),
        "count": gettext_lazy("Antal evenemang"),
        "titles": gettext_lazy("Evenemang"),
    }
    columns = [
        Column("date", label=gettext_lazy("Datum")),
        Column("district", label=gettext_lazy("Område")),
        Column("count", label=gettext_lazy("Antal")),
    ]

    def get_filename(self):
        return f"krockar-{datetime.date.today().isoformat()}"

    def get_queryset(self):
        return clashes(CLASH_DAYS)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["days"] = CLASH_DAYS
        return context


def participants_url(page: TrainingEventPage) -> str:
    return reverse("trainings_admin:participants", args=[page.pk])
