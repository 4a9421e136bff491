from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from core.protection import ProtectedFormMixin

from .fields import TextField


class LoginForm(ProtectedFormMixin, forms.Form):
    email = forms.EmailField(
        label=_("Din e-post"),
        max_length=254,
        help_text=_("Samma adress som föreningen har gett koordinatorn."),
    )


class NewVerificationLinkForm(ProtectedFormMixin, forms.Form):
    email = forms.EmailField(label=_("Din e-post"), max_length=254)


class InviteForm(forms.Form):
    name = TextField(label=_("Namn"), max_length=120)
    email = forms.EmailField(label=_("E-post"), max_length=254)
    role = TextField(
        label=_("Roll i föreningen"),
        max_length=80,
        help_text=_("Till exempel kassör eller kontaktperson."),
    )
