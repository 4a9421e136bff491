"""Forms of the coordinator's participant pages in the admin."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

ATTENDANCE_CHOICES = [
    ("", _("Inte markerat")),
    ("yes", _("Kom")),
    ("no", _("Kom inte")),
]


class AttendanceForm(forms.Form):
    """One choice per confirmed participant (``attended-<id>``)."""

    def __init__(self, *args, participants=(), **kwargs):
        super().__init__(*args, **kwargs)
        for participant in participants:
            self.fields[f"attended-{participant.pk}"] = forms.ChoiceField(
                label=participant.name or str(participant),
                choices=ATTENDANCE_CHOICES,
                required=False,
                initial={True: "yes", False: "no"}.get(participant.attended, ""),
            )

    def values(self) -> dict[int, bool | None]:
        return {
            int(name.split("-", 1)[1]): {"yes": True, "no": False}.get(value)
            for name, value in self.cleaned_data.items()
        }


class MessageForm(forms.Form):
    group = forms.ChoiceField(
        label=_("Mottagare"),
        choices=[
            ("confirmed", _("Bekräftade deltagare")),
            ("waitlisted", _("Personer i kön")),
        ],
        widget=forms.RadioSelect,
        help_text=_("Välj en grupp. Meddelanden går aldrig till båda på en gång."),
    )
    subject = forms.CharField(label=_("Ämne"), max_length=150)
    message = forms.CharField(
        label=_("Meddelande"),
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 10}),
        help_text=_(
            "Skrivs som vanlig text. Hälsningsfras och länk till utbildningen läggs "
            "till på mottagarens språk."
        ),
    )
