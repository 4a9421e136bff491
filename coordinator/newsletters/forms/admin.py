from __future__ import annotations

from django import forms
from django.conf import settings
from django.core.validators import validate_email
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ..services import MAX_TEST_ADDRESSES


class TestSendForm(forms.Form):
    addresses = forms.CharField(
        label=_("Skicka ett test till"),
        help_text=_("Högst fem adresser, åtskilda med kommatecken."),
        widget=forms.TextInput(attrs={"autocomplete": "email"}),
    )
    language = forms.ChoiceField(
        label=_("Som en prenumerant på"), choices=settings.LANGUAGES
    )

    def clean_addresses(self) -> list[str]:
        addresses = [
            part.strip()
            for part in self.cleaned_data["addresses"].replace(";", ",").split(",")
            if part.strip()
        ]
        if len(addresses) > MAX_TEST_ADDRESSES:
            raise forms.ValidationError(_("Högst fem adresser åt gången."))
        for address in addresses:
            try:
                validate_email(address)
            except forms.ValidationError:
                raise forms.ValidationError(
                    _("”%(address)s” är inte en e-postadress.") % {"address": address}
                ) from None
        if not addresses:
            raise forms.ValidationError(_("Skriv minst en adress."))
        return addresses


class StartSendForm(forms.Form):
    class When:
        NOW = "now"
        LATER = "later"

    when = forms.ChoiceField(
        label=_("När"),
        choices=[("now", _("Skicka nu")), ("later", _("Planera till en senare tid"))],
        widget=forms.RadioSelect,
        initial="now",
    )
    at = forms.DateTimeField(
        label=_("Tidpunkt"),
        required=False,
        help_text=_(
            "Till exempel 2026-12-01 08:00. Gäller bara om du planerar utskicket."
        ),
        widget=forms.DateTimeInput(
            attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"
        ),
        input_formats=["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M"],
    )
    confirmed = forms.BooleanField(widget=forms.HiddenInput, required=False)

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("when") == "later":
            at = cleaned.get("at")
            if at is None:
                self.add_error("at", _("Välj dag och tid för utskicket."))
            elif at <= timezone.now():
                self.add_error(
                    "at", _("Tidpunkten har redan varit. Välj en tid framåt.")
                )
        else:
            cleaned["at"] = None
        return cleaned


class ImportForm(forms.Form):
    file = forms.FileField(
        label=_("CSV-fil"),
        help_text=_(
            "Första raden är rubriker: e-post (krävs), namn, språk (sv, fi eller "
            "en), ämnen (kortnamn åtskilda med kommatecken; tomt = alla ämnen) och "
            "samtycke (datum då personen gav sitt samtycke, t.ex. 2025-03-14)."
        ),
    )
    privacy_version = forms.CharField(
        label=_("Version av dataskyddstexten"),
        max_length=40,
        help_text=_("Den dataskyddstext som personerna med samtycke godkände."),
    )
