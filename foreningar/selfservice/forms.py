"""Forms for registration, login and the representative's area. Every field
cleans bad input (control characters, markup, wrong checksums) into a field
error instead of an exception."""

from __future__ import annotations

import re
import unicodedata

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.utils.translation import gettext_lazy as _
from wagtail.images.fields import WagtailImageField

from home.protection import ProtectedFormMixin

from ..identifiers import IdentifierKind, normalise_identifier
from ..models import ActivityArea, ActivityLanguage, District, TargetGroup
from .richtext import clean_control_characters, plain_to_richtext, richtext_to_plain

LOGO_MAX_BYTES = 5 * 1024 * 1024
_MARKUP = re.compile(r"[<>]")
_DANGEROUS = re.compile(
    r"<\s*/?\s*(script|style|iframe|object|embed|form|input|svg|math)\b"
    r"|javascript\s*:|\son\w+\s*=",
    re.IGNORECASE,
)

no_markup = RegexValidator(
    _MARKUP,
    inverse_match=True,
    message=_("Använd inte tecknen < och > här."),
    code="markup",
)
phone_validator = RegexValidator(
    r"^\+?[0-9 ()\-]{5,40}$",
    message=_("Skriv ett telefonnummer med siffror, t.ex. 040-123 45 67."),
    code="phone",
)
postcode_validator = RegexValidator(
    r"^[0-9A-Za-z \-]{3,10}$",
    message=_("Skriv postnumret med siffror, t.ex. 123 45 eller 00100."),
    code="postcode",
)


class TextField(forms.CharField):
    """A CharField that normalises Unicode and drops control characters before
    validating, and refuses markup in single-line values."""

    def __init__(self, *args, allow_markup=False, **kwargs):
        super().__init__(*args, **kwargs)
        if not allow_markup:
            self.validators.append(no_markup)

    def to_python(self, value):
        if isinstance(value, str):
            if "\x00" in value:
                raise ValidationError(
                    _("Texten innehåller otillåtna tecken (NUL). Skriv den igen."),
                    code="null_characters_not_allowed",
                )
            value = unicodedata.normalize("NFC", clean_control_characters(value))
        return super().to_python(value)


def _vocabulary(model):
    return forms.ModelMultipleChoiceField(
        queryset=model.objects.filter(
            locale__language_code=settings.LANGUAGE_CODE
        ).order_by("sort_order", "name"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        label=model._meta.verbose_name_plural.capitalize(),
    )


# Plain-valued page fields both the registration and the profile form set.
BASIC_VALUE_FIELDS = [
    "title",
    "short_description",
    "description",
    "org_id_kind",
    "org_id",
    "meeting_place_name",
    "street_address",
    "postcode",
    "town",
    "meeting_times",
    "public_email",
    "public_phone",
]


class AssociationFieldsForm(forms.Form):
    """The public association fields shared by registration and editing."""

    title = TextField(label=_("Föreningens namn"), max_length=120)
    short_description = TextField(
        label=_("Kort beskrivning"),
        max_length=300,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("En eller två meningar om vad ni gör (högst 300 tecken)."),
    )
    description = TextField(
        label=_("Beskrivning"),
        max_length=5000,
        required=False,
        allow_markup=True,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=_(
            "Berätta mer om verksamheten. Skriv vanlig text; en tom rad blir ett "
            "nytt stycke."
        ),
    )
    activity_areas = _vocabulary(ActivityArea)
    target_groups = _vocabulary(TargetGroup)
    districts = _vocabulary(District)
    languages = _vocabulary(ActivityLanguage)
    meeting_place_name = TextField(
        label=_("Mötesplats"), max_length=120, required=False
    )
    street_address = TextField(label=_("Gatuadress"), max_length=200, required=False)
    postcode = TextField(
        label=_("Postnummer"),
        max_length=10,
        required=False,
        validators=[postcode_validator],
    )
    town = TextField(label=_("Ort"), max_length=80)
    meeting_times = TextField(
        label=_("Mötestider"),
        max_length=1000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Till exempel ”Tisdagar kl. 18–20, inte under sommaren”."),
    )
    public_email = forms.EmailField(
        label=_("Föreningens e-post (visas publikt)"),
        required=False,
        max_length=254,
    )
    public_phone = TextField(
        label=_("Föreningens telefon (visas publikt)"),
        max_length=40,
        required=False,
        validators=[phone_validator],
    )
    # Not "website": that is the honeypot's name in ProtectedFormMixin.
    web_address = forms.URLField(
        label=_("Webbplats"),
        required=False,
        max_length=200,
        assume_scheme="https",
        help_text=_("Till exempel https://www.exempel.se"),
    )

    def clean_description(self):
        text = self.cleaned_data.get("description", "")
        if _DANGEROUS.search(text):
            raise ValidationError(
                _(
                    "Texten innehåller kod som inte är tillåten. Skriv vanlig text; "
                    "du kan använda <b>, <i>, listor och länkar."
                ),
                code="dangerous",
            )
        html = plain_to_richtext(text)
        if text.strip() and not re.sub(r"<[^>]+>", "", html).strip():
            raise ValidationError(_("Texten blev tom. Skriv vanlig text."))
        return html


class OrgIdFieldsForm(forms.Form):
    org_id_kind = forms.ChoiceField(
        label=_("Sorts organisationsnummer"),
        choices=[("", _("Föreningen har inget nummer"))] + IdentifierKind.choices,
        required=False,
    )
    org_id = TextField(
        label=_("Organisationsnummer"),
        max_length=20,
        required=False,
        help_text=_(
            "Svenskt organisationsnummer, finskt FO-nummer eller "
            "föreningsregisternummer. Kontrolleras automatiskt."
        ),
    )

    def clean(self):
        cleaned = super().clean()
        kind, value = cleaned.get("org_id_kind", ""), cleaned.get("org_id", "")
        if value and not kind:
            self.add_error("org_id_kind", _("Välj vilken sorts nummer det är."))
        elif kind and not value and "org_id" not in self.errors:
            self.add_error("org_id", _("Skriv numret, eller välj ”inget nummer”."))
        elif kind and value:
            try:
                cleaned["org_id"] = normalise_identifier(kind, value)
            except ValidationError as error:
                self.add_error("org_id", error)
        return cleaned


class RegistrationForm(
    ProtectedFormMixin, OrgIdFieldsForm, AssociationFieldsForm, forms.Form
):
    applicant_name = TextField(label=_("Ditt namn"), max_length=120)
    applicant_email = forms.EmailField(
        label=_("Din e-post"),
        max_length=254,
        help_text=_("Vi skickar en länk hit som du öppnar för att bekräfta."),
    )
    applicant_phone = TextField(
        label=_("Ditt telefonnummer"),
        max_length=40,
        required=False,
        validators=[phone_validator],
    )
    applicant_role = TextField(
        label=_("Din roll i föreningen"),
        max_length=80,
        help_text=_("Till exempel ordförande, sekreterare eller kontaktperson."),
    )
    consent = forms.BooleanField(
        label=_(
            "Jag har läst dataskyddstexten och samtycker till att mina "
            "kontaktuppgifter sparas för att kommunen ska kunna nå föreningen."
        ),
        error_messages={
            "required": _("Du behöver samtycka för att vi ska kunna registrera er.")
        },
    )

    field_order = [
        "title",
        "short_description",
        "description",
        "org_id_kind",
        "org_id",
        "activity_areas",
        "target_groups",
        "districts",
        "languages",
        "meeting_place_name",
        "street_address",
        "postcode",
        "town",
        "meeting_times",
        "public_email",
        "public_phone",
        "web_address",
        "applicant_name",
        "applicant_email",
        "applicant_phone",
        "applicant_role",
        "consent",
    ]

    ASSOCIATION_FIELDS = BASIC_VALUE_FIELDS

    def association_data(self) -> dict:
        data = {
            name: self.cleaned_data.get(name, "") for name in self.ASSOCIATION_FIELDS
        }
        data["website"] = self.cleaned_data.get("web_address", "")
        for name in ("activity_areas", "target_groups", "districts", "languages"):
            data[name] = [item.pk for item in self.cleaned_data.get(name, [])]
        return data


class LoginForm(ProtectedFormMixin, forms.Form):
    email = forms.EmailField(
        label=_("Din e-post"),
        max_length=254,
        help_text=_("Samma adress som föreningen har gett koordinatorn."),
    )
    field_order = ["email"]


class NewVerificationLinkForm(ProtectedFormMixin, forms.Form):
    email = forms.EmailField(label=_("Din e-post"), max_length=254)
    field_order = ["email"]


class InviteForm(forms.Form):
    name = TextField(label=_("Namn"), max_length=120)
    email = forms.EmailField(label=_("E-post"), max_length=254)
    role = TextField(
        label=_("Roll i föreningen"),
        max_length=80,
        help_text=_("Till exempel kassör eller kontaktperson."),
    )


class ProfileForm(OrgIdFieldsForm, AssociationFieldsForm, forms.Form):
    """What a representative may change; the coordinator approves it."""

    founded_year = forms.IntegerField(
        label=_("Grundad år"), required=False, min_value=1800, max_value=2100
    )
    member_count = forms.IntegerField(
        label=_("Ungefärligt antal medlemmar"),
        required=False,
        min_value=0,
        max_value=1_000_000,
    )
    premises_accessibility = TextField(
        label=_("Lokalens tillgänglighet"),
        max_length=1000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    step_free_access = forms.BooleanField(
        label=_("Entré utan trappsteg"), required=False
    )
    accessible_toilet = forms.BooleanField(
        label=_("Tillgänglighetsanpassad toalett"), required=False
    )
    hearing_loop = forms.BooleanField(label=_("Hörslinga"), required=False)
    membership_fee = TextField(label=_("Medlemsavgift"), max_length=200, required=False)
    looking_for_volunteers = forms.BooleanField(
        label=_("Vi söker volontärer"), required=False
    )
    volunteers_text = TextField(
        label=_("Vilka volontärer ni söker"),
        max_length=1000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    facebook_url = forms.URLField(
        label=_("Facebook"), required=False, max_length=200, assume_scheme="https"
    )
    instagram_url = forms.URLField(
        label=_("Instagram"), required=False, max_length=200, assume_scheme="https"
    )
    logo = WagtailImageField(
        label=_("Ny logotyp"),
        required=False,
        help_text=_("JPG, PNG, GIF eller WebP, högst 5 MB."),
    )
    logo_alt = TextField(
        label=_("Beskriv logotypen"),
        max_length=255,
        required=False,
        help_text=_(
            "Alt-text för den som inte ser bilden, t.ex. ”Logotyp: Norrbyns "
            "schackklubb”. Behövs om du laddar upp en logotyp."
        ),
    )

    VALUE_FIELDS = BASIC_VALUE_FIELDS + [
        "founded_year",
        "member_count",
        "premises_accessibility",
        "step_free_access",
        "accessible_toilet",
        "hearing_loop",
        "membership_fee",
        "looking_for_volunteers",
        "volunteers_text",
        "facebook_url",
        "instagram_url",
    ]
    M2M_FIELDS = ["activity_areas", "target_groups", "districts", "languages"]

    def __init__(self, *args, org_id_locked: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        self.org_id_locked = org_id_locked
        if org_id_locked:
            del self.fields["org_id_kind"]
            del self.fields["org_id"]

    @classmethod
    def initial_for(cls, page) -> dict:
        initial = {name: getattr(page, name, "") for name in cls.VALUE_FIELDS}
        initial["description"] = richtext_to_plain(page.description)
        initial["web_address"] = page.website
        for name in cls.M2M_FIELDS:
            initial[name] = [item.pk for item in getattr(page, name).all()]
        return initial

    def clean_logo(self):
        logo = self.cleaned_data.get("logo")
        if logo and logo.size > LOGO_MAX_BYTES:
            raise ValidationError(_("Bilden är för stor. Den får vara högst 5 MB."))
        return logo

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("logo") and not cleaned.get("logo_alt"):
            self.add_error(
                "logo_alt",
                _("Beskriv logotypen med några ord för den som inte ser den."),
            )
        return cleaned

    def changes(self) -> dict:
        values = {
            name: self.cleaned_data[name]
            for name in self.VALUE_FIELDS
            if name in self.cleaned_data
        }
        values["website"] = self.cleaned_data.get("web_address", "")
        for name in self.M2M_FIELDS:
            values[name] = [item.pk for item in self.cleaned_data.get(name, [])]
        return values


def fieldsets(form, layout) -> list[tuple[str, list]]:
    """Bound fields grouped for <fieldset>s; names missing from the form (a
    locked organisation number) are skipped."""
    return [
        (legend, [form[name] for name in names if name in form.fields])
        for legend, names in layout
    ]


REGISTRATION_LAYOUT = [
    (_("Om föreningen"), ["title", "short_description", "description"]),
    (_("Organisationsnummer"), ["org_id_kind", "org_id"]),
    (
        _("Verksamhet"),
        ["activity_areas", "target_groups", "districts", "languages"],
    ),
    (
        _("Var och när ni träffas"),
        ["meeting_place_name", "street_address", "postcode", "town", "meeting_times"],
    ),
    (
        _("Föreningens kontaktuppgifter (visas publikt)"),
        ["public_email", "public_phone", "web_address"],
    ),
    (
        _("Om dig (visas inte publikt)"),
        ["applicant_name", "applicant_email", "applicant_phone", "applicant_role"],
    ),
]

PROFILE_LAYOUT = [
    (
        _("Om föreningen"),
        ["title", "short_description", "description", "founded_year", "member_count"],
    ),
    (_("Logotyp"), ["logo", "logo_alt"]),
    (_("Organisationsnummer"), ["org_id_kind", "org_id"]),
    (
        _("Verksamhet"),
        ["activity_areas", "target_groups", "districts", "languages"],
    ),
    (
        _("Var och när ni träffas"),
        ["meeting_place_name", "street_address", "postcode", "town", "meeting_times"],
    ),
    (
        _("Lokalens tillgänglighet"),
        [
            "premises_accessibility",
            "step_free_access",
            "accessible_toilet",
            "hearing_loop",
        ],
    ),
    (
        _("Medlemskap och volontärer"),
        ["membership_fee", "looking_for_volunteers", "volunteers_text"],
    ),
    (
        _("Kontaktuppgifter (visas publikt)"),
        [
            "public_email",
            "public_phone",
            "web_address",
            "facebook_url",
            "instagram_url",
        ],
    ),
]
