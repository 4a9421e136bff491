"""The form a representative fills in to add or change an event."""

from __future__ import annotations

import datetime

from django import forms
from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.forms import IdChoiceField, IdMultipleChoiceField
from foreningar.forms.fields import TextField
from foreningar.models import ActivityArea, District, TargetGroup

DATE_FORMATS = ["%Y-%m-%d", "%d.%m.%Y", "%d.%m.%y", "%d/%m/%Y"]
TIME_FORMATS = ["%H:%M", "%H.%M", "%H"]


def _default_locale(model):
    return model.objects.filter(locale__language_code=settings.LANGUAGE_CODE).order_by(
        "sort_order", "name"
    )


class EventForm(forms.Form):
    association = forms.ChoiceField(label=_("Förening"))
    title = TextField(label=_("Evenemangets namn"), max_length=150)
    date = forms.DateField(
        label=_("Datum"),
        input_formats=DATE_FORMATS,
        help_text=_("Till exempel 2026-12-03 eller 3.12.2026."),
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )
    start_time = forms.TimeField(
        label=_("Börjar kl."),
        input_formats=TIME_FORMATS,
        help_text=_("Till exempel 18.00."),
        widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
    )
    end_time = forms.TimeField(
        label=_("Slutar kl."),
        input_formats=TIME_FORMATS,
        widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
    )
    place_name = TextField(
        label=_("Plats"),
        max_length=200,
        help_text=_("Till exempel ”Byagården” eller ”Biblioteket, mötesrummet”."),
    )
    street_address = TextField(
        label=_("Adress (valfritt)"), max_length=200, required=False
    )
    district = IdChoiceField(
        label=_("Område"),
        queryset=District.objects.none(),
        required=False,
        empty_label=_("Välj område"),
        help_text=_("Vi visar andra evenemang samma dag i samma område."),
    )
    description = TextField(
        label=_("Beskrivning (valfritt)"),
        max_length=2000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 5}),
    )
    activity_areas = IdMultipleChoiceField(
        label=_("Verksamhetsområden"),
        queryset=ActivityArea.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    target_groups = IdMultipleChoiceField(
        label=_("Målgrupper"),
        queryset=TargetGroup.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    open_to_all = forms.BooleanField(label=_("Öppet för alla"), required=False)
    free_of_charge = forms.BooleanField(label=_("Avgiftsfritt"), required=False)
    link = forms.URLField(
        label=_("Länk för mer information (valfritt)"),
        required=False,
        assume_scheme="https",
        max_length=200,
    )

    def __init__(self, *args, associations=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["association"].choices = [
            (str(a.pk), a.title) for a in associations
        ]
        if len(associations) == 1:
            self.fields["association"].widget = forms.HiddenInput()
        self.fields["district"].queryset = _default_locale(District)
        self.fields["activity_areas"].queryset = _default_locale(ActivityArea)
        self.fields["target_groups"].queryset = _default_locale(TargetGroup)

    def clean(self):
        cleaned = super().clean()
        day, start, end = (
            cleaned.get("date"),
            cleaned.get("start_time"),
            cleaned.get("end_time"),
        )
        if day and start and end:
            if end <= start:
                self.add_error("end_time", _("Sluttiden måste vara efter starttiden."))
            else:
                cleaned["starts_at"] = timezone.make_aware(
                    datetime.datetime.combine(day, start)
                )
                cleaned["ends_at"] = timezone.make_aware(
                    datetime.datetime.combine(day, end)
                )
                if cleaned["ends_at"] < timezone.now():
                    self.add_error("date", _("Datumet har redan varit."))
        return cleaned

    @classmethod
    def initial_for(cls, event) -> dict:
        start = timezone.localtime(event.starts_at)
        end = timezone.localtime(event.ends_at)
        return {
            "association": str(event.association_id),
            "title": event.title,
            "date": start.date(),
            "start_time": start.time(),
            "end_time": end.time(),
            "place_name": event.place_name,
            "street_address": event.street_address,
            "district": event.district_id,
            "description": event.description,
            "activity_areas": list(event.activity_areas.all()),
            "target_groups": list(event.target_groups.all()),
            "open_to_all": event.open_to_all,
            "free_of_charge": event.free_of_charge,
            "link": event.link,
        }
