from django import forms
from django.utils.translation import gettext_lazy as _

from core.protection import ProtectedFormMixin


class AccessibilityFeedbackForm(ProtectedFormMixin, forms.Form):
    message = forms.CharField(
        label=_(
            "Vad fungerar inte, eller vilket innehåll behöver du i ett annat format?"
        ),
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 6}),
    )
    page_url = forms.CharField(
        label=_("Sidan det gäller (valfritt)"), max_length=500, required=False
    )
    name = forms.CharField(
        label=_("Ditt namn (valfritt)"), max_length=120, required=False
    )
    email = forms.EmailField(
        label=_("Din e-post (valfritt)"),
        required=False,
        help_text=_(
            "Fyll i om du vill ha svar. Vi använder den bara för att svara dig."
        ),
    )
