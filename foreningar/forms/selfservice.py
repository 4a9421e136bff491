from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from core.protection import ProtectedFormMixin

from .fields import EmailAddressField, TextField


class LoginForm(ProtectedFormMixin, forms.Form):
    email = EmailAddressField(
        label=_("Din e-post"),
        help_text=_("Samma adress som föreningen har gett koordinatorn."),
    )


class NewVerificationLinkForm(ProtectedFormMixin, forms.Form):
    email = EmailAddressField(label=_("Din e-post"))


class InviteForm(forms.Form):
    name = TextField(label=_("Namn"), max_length=120)
    email = EmailAddressField(label=_("E-post"))
    role = TextField(
        label=_("Roll i föreningen"),
        max_length=80,
        help_text=_("Till exempel kassör eller kontaktperson."),
    )
