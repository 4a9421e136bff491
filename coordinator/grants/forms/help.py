"""The "Få hjälp att söka" form. The association is typed, not picked from a
list of thousands: the typed name is looked up among listed associations;
one exact match links it, near matches are offered as radio buttons on the
form shown again ("or none of these"), and a logged-in representative gets
their own associations as radio buttons from the start. No JavaScript."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from core.protection import ProtectedFormMixin
from foreningar.forms import TextField
from foreningar.forms.fields import phone_validator
from foreningar.models import AssociationPage, Representative

from ..models import HelpRequest
from ..selectors import associations_named, normalised_name, own_associations

OTHER_ASSOCIATION = "annan"


class HelpRequestForm(ProtectedFormMixin, forms.Form):
    name = TextField(label=_("Ditt namn"), max_length=120)
    email = forms.EmailField(
        label=_("Din e-post"),
        max_length=254,
        help_text=_("Hit skickar vi en bekräftelse, och svaret om du vill ha det så."),
    )
    phone = TextField(
        label=_("Telefon"),
        max_length=40,
        required=False,
        validators=[phone_validator],
        help_text=_("Behövs om du vill bli uppringd."),
    )
    contact_method = forms.ChoiceField(
        label=_("Hur vill du att koordinatorn kontaktar dig?"),
        choices=HelpRequest.ContactMethod.choices,
        initial=HelpRequest.ContactMethod.EMAIL,
        widget=forms.RadioSelect,
    )
    association_name = TextField(
        label=_("Förening"),
        max_length=200,
        required=False,
        help_text=_(
            "Föreningens namn. Lämna tomt om ni inte har bildat en förening ännu."
        ),
    )
    association_choice = forms.ChoiceField(
        label=_("Vilken förening gäller det?"),
        required=False,
        widget=forms.RadioSelect,
    )
    question = TextField(
        label=_("Vad vill du ha hjälp med?"),
        max_length=5000,
        allow_markup=True,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_(
            "Till exempel vad ni vill söka pengar till, eller vad i ansökan som är "
            "svårt."
        ),
    )
    consent = forms.BooleanField(
        label=_(
            "Jag samtycker till att koordinatorn behandlar mina uppgifter för att "
            "svara på min fråga."
        ),
    )

    def __init__(
        self,
        *args: Any,
        representative: Representative | None = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.representative = representative
        self.own = own_associations(representative) if representative else []
        self.suggestions: list[AssociationPage] = []
        typed = ""
        if self.is_bound:
            typed = str(self.data.get(self.add_prefix("association_name"), ""))[:200]
        if self.own:
            candidates = self.own
            other_label = _("En annan förening (skriv namnet nedan)")
            self.fields["association_name"].label = _("Annan förening")
            self.fields["association_name"].help_text = _(
                "Bara om frågan gäller en annan förening än dina."
            )
        elif typed.strip():
            self.suggestions = associations_named(typed)
            candidates = self.suggestions
            other_label = _("Ingen av dem – använd namnet som jag skrev")
        else:
            candidates = []
            other_label = ""
        self.candidates = {str(page.pk): page for page in candidates}
        if candidates:
            self.fields["association_choice"].choices = [
                (pk, f"{page.title}, {page.town}" if page.town else page.title)
                for pk, page in self.candidates.items()
            ] + [(OTHER_ASSOCIATION, other_label)]
            if self.suggestions:
                self.fields["association_choice"].help_text = _(
                    "Vi hittade föreningar med liknande namn i registret."
                )
        if representative is not None and not self.is_bound:
            self.initial.update(
                name=representative.name,
                email=representative.email,
                phone=representative.phone,
            )
            if self.own:
                self.initial["association_choice"] = str(self.own[0].pk)

    @property
    def has_association_choice(self) -> bool:
        return bool(self.candidates)

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean()
        if cleaned.get("contact_method") == HelpRequest.ContactMethod.PHONE:
            if not cleaned.get("phone") and "phone" not in self.errors:
                self.add_error(
                    "phone", _("Skriv ett telefonnummer, så att vi kan ringa dig.")
                )
        cleaned["association"] = self._association(cleaned)
        return cleaned

    def _association(self, cleaned: dict[str, Any]) -> AssociationPage | None:
        choice = cleaned.get("association_choice") or ""
        typed = cleaned.get("association_name") or ""
        if choice in self.candidates:
            return self.candidates[choice]
        if self.own:
            if choice == OTHER_ASSOCIATION and not typed:
                self.add_error(
                    "association_name", _("Skriv namnet på den andra föreningen.")
                )
            return None
        if not typed or choice == OTHER_ASSOCIATION:
            return None
        exact = [
            page
            for page in self.suggestions
            if normalised_name(page.title) == normalised_name(typed)
        ]
        if len(exact) == 1:
            return exact[0]
        if self.suggestions and "association_choice" not in self.errors:
            self.add_error(
                "association_choice",
                _(
                    "Välj er förening bland dem vi hittade, eller välj att använda "
                    "namnet som du skrev."
                ),
            )
        return None
