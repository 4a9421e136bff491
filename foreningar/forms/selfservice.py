from __future__ import annotations

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from core.protection import ProtectedFormMixin

from .fields import EmailAddressField, TextField, phone_validator


class LoginForm(ProtectedFormMixin, forms.Form):
    email = EmailAddressField(
        label=_("Din e-post"),
        help_text=_("Samma adress som föreningen har gett koordinatorn."),
    )


class NewVerificationLinkForm(ProtectedFormMixin, forms.Form):
    email = EmailAddressField(label=_("Din e-post"))


class InviteForm(forms.Form):
    email = EmailAddressField(
        label=_("E-post"),
        help_text=_(
            "Personen får en länk och blir kontaktperson först när personen tackar ja."
        ),
    )
    role = TextField(
        label=_("Roll i föreningen"),
        max_length=80,
        help_text=_("Till exempel kassör eller kontaktperson."),
    )
    language = forms.ChoiceField(
        label=_("Språk för inbjudan"),
        choices=settings.LANGUAGES,
        help_text=_("Inbjudan skickas på det här språket."),
    )


class AcceptInvitationForm(ProtectedFormMixin, forms.Form):
    name = TextField(label=_("Ditt namn"), max_length=120)
    phone = TextField(
        label=_("Ditt telefonnummer"),
        max_length=40,
        required=False,
        validators=[phone_validator],
        help_text=_("Frivilligt. Bara koordinatorn ser det."),
    )
    consent = forms.BooleanField(
        label=_(
            "Jag har läst dataskyddstexten och samtycker till att mina "
            "kontaktuppgifter sparas för att kommunen ska kunna nå föreningen."
        ),
        error_messages={
            "required": _("Du behöver samtycka för att bli kontaktperson.")
        },
    )
