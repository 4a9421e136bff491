"""The association's own fields as ModelForms over ``REGISTRATION_FIELDS``
and ``SELF_SERVICE_FIELDS``: labels, lengths and validators come from the
model; the overrides here are for people without an admin account (plain
text instead of a rich-text editor, checkboxes, friendlier labels)."""

from __future__ import annotations

import re

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import MaxLengthValidator
from django.db import models
from django.forms.models import construct_instance
from django.utils import timezone
from django.utils.text import capfirst, format_lazy
from django.utils.translation import gettext_lazy as _
from wagtail.fields import RichTextField

from core.country import current_country
from core.i18n import default_language
from core.images import ImageUploadField
from core.images.limits import help_text as upload_help_text
from core.protection import ProtectedFormMixin

from ..identifiers import IdentifierKind, infer_kind, normalise_identifier
from ..models import (
    REGISTRATION_FIELDS,
    SELF_SERVICE_FIELDS,
    TRANSLATED_TEXT_FIELDS,
    VOCABULARY_FIELDS,
    AssociationPage,
    vocabulary_spec,
)
from ..models.logos import LOGO_RULES
from ..richtext import plain_to_richtext, richtext_to_plain
from .fields import (
    EmailAddressField,
    TextField,
    VocabularyMultipleChoiceField,
    WebAddressField,
    phone_validator,
    postcode_validator,
)

# Rich text the association writes as plain text (a blank line, a paragraph).
RICH_TEXT_FIELDS = ("description", "description_fi", "description_en")
TITLE_MAX_LENGTH = 120  # a name people can read on a card; Page allows 255
DESCRIPTION_MAX_LENGTH = 5000
_DANGEROUS = re.compile(
    r"<\s*/?\s*(script|style|iframe|object|embed|form|input|svg|math)\b"
    r"|javascript\s*:|\son\w+\s*=",
    re.IGNORECASE,
)


def vocabulary_field(name: str, **kwargs) -> VocabularyMultipleChoiceField:
    """Checkboxes of the vocabulary's default-language terms."""
    spec = vocabulary_spec(name)
    options = {
        "required": False,
        "widget": forms.CheckboxSelectMultiple,
        "label": capfirst(spec.verbose_name),
        "help_text": spec.help_text,
        **kwargs,
    }
    return VocabularyMultipleChoiceField(
        queryset=spec.model.objects.filter(
            locale__language_code=default_language()
        ).order_by("sort_order", "name"),
        **options,
    )


def association_formfield(db_field: models.Field, **kwargs) -> forms.Field | None:
    """The form field for one of the association's model fields."""
    if db_field.name in VOCABULARY_FIELDS:
        return vocabulary_field(db_field.name, **kwargs)
    if isinstance(db_field, RichTextField):
        # Plain text in a textarea; clean_description makes it rich text.
        options = {
            "label": capfirst(db_field.verbose_name),
            "required": not db_field.blank,
            "widget": forms.Textarea(attrs={"rows": 8}),
            **kwargs,
        }
        return TextField(
            max_length=DESCRIPTION_MAX_LENGTH, allow_markup=True, **options
        )
    if isinstance(db_field, models.URLField):
        return db_field.formfield(form_class=WebAddressField, **kwargs)
    if isinstance(db_field, models.EmailField):
        return db_field.formfield(form_class=EmailAddressField, **kwargs)
    if (
        isinstance(db_field, models.CharField | models.TextField)
        and not db_field.choices
    ):
        return db_field.formfield(form_class=TextField, **kwargs)
    return db_field.formfield(**kwargs)


class AssociationFieldsForm(forms.ModelForm):
    """The public association fields (registration's subset)."""

    org_id_kind = forms.ChoiceField(
        label=_("Sorts organisationsnummer"),
        choices=[("", _("Föreningen har inget nummer"))] + IdentifierKind.choices,
        required=False,
    )

    class Meta:
        model = AssociationPage
        fields = REGISTRATION_FIELDS
        formfield_callback = association_formfield
        labels = {
            "title": _("Föreningens namn"),
            "public_email": _("Föreningens e-post (visas publikt)"),
            "public_phone": _("Föreningens telefon (visas publikt)"),
            "website": _("Webbplats"),
        }
        help_texts = {
            "short_description": _("En eller två meningar om vad ni gör."),
            "description": _(
                "Berätta mer om verksamheten. Skriv vanlig text; en tom rad blir ett "
                "nytt stycke."
            ),
            "org_id": _(
                "Svenskt organisationsnummer (t.ex. 802012-3454), finskt FO-nummer "
                "(t.ex. 0737546-2) eller föreningsregisternummer. Vi känner igen "
                "vilken sort det är."
            ),
            "website": _("Till exempel https://www.exempel.se"),
        }
        widgets = {
            "short_description": forms.Textarea(attrs={"rows": 3}),
            "short_description_fi": forms.Textarea(attrs={"rows": 3}),
            "short_description_en": forms.Textarea(attrs={"rows": 3}),
            "meeting_times": forms.Textarea(attrs={"rows": 3}),
            "premises_accessibility": forms.Textarea(attrs={"rows": 3}),
            "volunteers_text": forms.Textarea(attrs={"rows": 3}),
        }

    def _state_text_limits(self) -> None:
        """Say each text field's limit next to it (the browser stops typing
        at ``maxlength``; without that, the form says what was too long
        instead of cutting it)."""
        for field in self.fields.values():
            limit = getattr(field, "max_length", None)
            if not limit or not isinstance(field, forms.CharField):
                continue
            note = format_lazy(_("Högst {count} tecken."), count=limit)
            field.help_text = (
                format_lazy("{} {}", field.help_text, note) if field.help_text else note
            )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "title" in self.fields:
            title = self.fields["title"]
            title.max_length = TITLE_MAX_LENGTH
            title.validators.append(MaxLengthValidator(TITLE_MAX_LENGTH))
            title.widget.attrs["maxlength"] = str(TITLE_MAX_LENGTH)
        self._state_text_limits()
        if "org_id_kind" in self.fields:
            # The country's own identifiers first (core.country).
            order = current_country().identifier_kinds
            field = self.fields["org_id_kind"]
            field.choices = sorted(
                field.choices,
                key=lambda choice: (
                    order.index(choice[0]) + 1 if choice[0] in order else 0
                ),
            )
        if "town" in self.fields:
            self.fields["town"].required = True
        if "postcode" in self.fields:
            self.fields["postcode"].validators.append(postcode_validator)
        if "public_phone" in self.fields:
            self.fields["public_phone"].validators.append(phone_validator)
        for name in RICH_TEXT_FIELDS:
            if name in self.fields and self.instance.pk and not self.is_bound:
                self.initial[name] = richtext_to_plain(getattr(self.instance, name))

    def _clean_rich_text(self, name: str) -> str:
        text = self.cleaned_data.get(name, "")
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

    def clean_description(self):
        return self._clean_rich_text("description")

    def clean_description_fi(self):
        return self._clean_rich_text("description_fi")

    def clean_description_en(self):
        return self._clean_rich_text("description_en")

    def clean(self):
        cleaned = super().clean()
        if "org_id" not in self.fields:
            return cleaned
        kind, value = cleaned.get("org_id_kind", ""), cleaned.get("org_id", "")
        if value:
            # A valid number says what kind it is; the select need not agree.
            kind = infer_kind(value, kind) or kind
            cleaned["org_id_kind"] = kind
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

    def _post_clean(self):
        # The model's own field validators only. AssociationPage.clean() is
        # for editors (it names the association that already has a number);
        # public forms handle duplicates on their own path.
        exclude = self._get_validation_exclusions()
        try:
            self.instance = construct_instance(
                self, self.instance, self._meta.fields, self._meta.exclude
            )
            self.instance.clean_fields(exclude=exclude)
        except ValidationError as error:
            self._update_errors(error)


class RegistrationForm(ProtectedFormMixin, AssociationFieldsForm):
    applicant_name = TextField(label=_("Ditt namn"), max_length=120)
    applicant_email = EmailAddressField(
        label=_("Din e-post"),
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
            "required": _(
                "Kryssa i rutan för att samtycka. Utan samtycke kan vi inte registrera föreningen."
            )
        },
    )

    class Meta(AssociationFieldsForm.Meta):
        fields = REGISTRATION_FIELDS


class ProfileForm(AssociationFieldsForm):
    """What a representative may change; the coordinator approves it."""

    logo = ImageUploadField(
        label=_("Ny logotyp"),
        required=False,
        help_text=format_lazy(
            "{} {}",
            upload_help_text(),
            format_lazy(
                _("Minst {side} × {side} bildpunkter, ingen animering."),
                side=LOGO_RULES["min_side"],
            ),
        ),
        **LOGO_RULES,
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

    class Meta(AssociationFieldsForm.Meta):
        fields = SELF_SERVICE_FIELDS

    def __init__(self, *args, org_id_locked: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        self.org_id_locked = org_id_locked
        for name in TRANSLATED_TEXT_FIELDS:
            # Spelling and speech in the language the text is written in.
            self.fields[name].widget.attrs["lang"] = name.rsplit("_", 1)[1]
        if org_id_locked:
            del self.fields["org_id_kind"]
            del self.fields["org_id"]

    def clean_founded_year(self):
        year = self.cleaned_data.get("founded_year")
        if year and year > timezone.localdate().year:
            raise ValidationError(_("Året kan inte ligga i framtiden."))
        return year

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("logo") and not cleaned.get("logo_alt"):
            self.add_error(
                "logo_alt",
                _("Beskriv logotypen med några ord för den som inte ser den."),
            )
        return cleaned


def fieldsets(form: forms.Form, layout) -> list[tuple[str, list]]:
    """Bound fields grouped for <fieldset>s; names missing from the form (a
    locked organisation number) are skipped."""
    groups = [
        (legend, [form[name] for name in names if name in form.fields])
        for legend, names in layout
    ]
    return [(legend, fields) for legend, fields in groups if fields]


REGISTRATION_LAYOUT = [
    (_("Om föreningen"), ["title", "short_description", "description"]),
    (_("Organisationsnummer"), ["org_id_kind", "org_id"]),
    (_("Verksamhet"), list(VOCABULARY_FIELDS)),
    (
        _("Var och när ni träffas"),
        ["meeting_place_name", "street_address", "postcode", "town", "meeting_times"],
    ),
    (
        _("Lokalens tillgänglighet"),
        [
            "step_free_access",
            "accessible_toilet",
            "hearing_loop",
            "premises_accessibility",
        ],
    ),
    (
        _("Föreningens kontaktuppgifter (visas publikt)"),
        ["public_email", "public_phone", "website"],
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
    (
        _("Beskrivningen på finska och engelska (frivilligt)"),
        [
            "short_description_fi",
            "description_fi",
            "short_description_en",
            "description_en",
        ],
    ),
    (_("Logotyp"), ["logo", "logo_alt"]),
    (_("Organisationsnummer"), ["org_id_kind", "org_id"]),
    (_("Verksamhet"), list(VOCABULARY_FIELDS)),
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
        ["public_email", "public_phone", "website", "facebook_url", "instagram_url"],
    ),
]
