"""The sign-up form on a training's page."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from core.protection import ProtectedFormMixin
from foreningar.forms.fields import TextField, phone_validator

# The association choice that keeps the name as typed.
TYPED = "typed"


class SignupForm(ProtectedFormMixin, forms.Form):
    """Name, email, phone, association, needs and consent. ``associations``:
    the choices for the association (a representative's own, or suggestions
    from the register for what was typed); none means a text field only."""

    name = TextField(
        label=_("Ditt namn"),
        max_length=120,
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )
    email = forms.EmailField(
        label=_("Din e-post"),
        max_length=254,
        help_text=_("Hit skickar vi bekräftelsen och en länk för att avboka."),
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    phone = TextField(
        label=_("Telefon (valfritt)"),
        max_length=40,
        required=False,
        validators=[phone_validator],
        help_text=_("Bara om vi behöver nå dig snabbt, t.ex. om tiden ändras."),
        widget=forms.TextInput(attrs={"autocomplete": "tel", "type": "tel"}),
    )
    association_choice = forms.ChoiceField(
        label=_("Vilken förening representerar du?"),
        required=False,
        widget=forms.RadioSelect,
    )
    association_name = TextField(
        label=_("Förening (valfritt)"),
        max_length=200,
        required=False,
        help_text=_(
            "Skriv föreningens namn. Finns den i föreningsregistret kopplar vi "
            "anmälan till den."
        ),
    )
    dietary_needs = TextField(
        label=_("Specialkost (valfritt)"),
        max_length=500,
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Till exempel vegetariskt, glutenfritt eller allergier."),
    )
    accessibility_needs = TextField(
        label=_("Behöver du någon anpassning? (valfritt)"),
        max_length=500,
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Till exempel tolk, hörslinga, ledsagare eller rullstolsplats."),
    )
    consent = forms.BooleanField(
        label=_(
            "Jag har läst dataskyddstexten och samtycker till att mina uppgifter "
            "sparas för anmälan till utbildningen."
        ),
        error_messages={
            "required": _("Du behöver samtycka för att vi ska kunna ta emot anmälan.")
        },
    )

    def __init__(
        self,
        *args,
        ask_dietary: bool = False,
        ask_accessibility: bool = False,
        associations: list[tuple[str, str]] | None = None,
        association_label: str = "",
        **kwargs,
    ):
        super().__init__(*args, **kwargs)
        if not ask_dietary:
            del self.fields["dietary_needs"]
        if not ask_accessibility:
            del self.fields["accessibility_needs"]
        if associations:
            field = self.fields["association_choice"]
            field.choices = associations
            if association_label:
                field.label = association_label
        else:
            del self.fields["association_choice"]

    def clean(self):
        cleaned = super().clean()
        choice = cleaned.get("association_choice")
        if choice == TYPED and not cleaned.get("association_name"):
            self.add_error(
                "association_name", _("Skriv föreningens namn, eller välj en i listan.")
            )
        return cleaned
