from __future__ import annotations

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from core.i18n import current_language
from core.protection import ProtectedFormMixin

from ..selectors import topic_choices


class TopicsField(forms.MultipleChoiceField):
    widget = forms.CheckboxSelectMultiple

    def __init__(self, **kwargs):
        kwargs.setdefault("label", _("Ämnen"))
        kwargs.setdefault(
            "help_text", _("Välj ett eller flera. Du kan ändra dig när som helst.")
        )
        kwargs.setdefault(
            "error_messages",
            {
                "required": _("Välj minst ett ämne."),
                "invalid_choice": _("Välj bland ämnena i listan."),
            },
        )
        super().__init__(**kwargs)


def _languages():
    return [(code, name) for code, name in settings.LANGUAGES]


class LanguageField(forms.ChoiceField):
    widget = forms.RadioSelect

    def __init__(self, **kwargs):
        kwargs.setdefault("label", _("Språk för nyhetsbrevet"))
        kwargs.setdefault("choices", _languages)
        kwargs.setdefault(
            "error_messages",
            {
                "required": _("Välj ett språk."),
                "invalid_choice": _("Välj ett av språken i listan."),
            },
        )
        super().__init__(**kwargs)


class _TopicsMixin:
    def _set_topics(self, language: str) -> None:
        self.fields["topics"].choices = [
            (choice.slug, choice.name) for choice in topic_choices(language)
        ]


class SubscribeForm(_TopicsMixin, ProtectedFormMixin, forms.Form):
    email = forms.EmailField(
        label=_("E-postadress"),
        max_length=254,
        error_messages={
            "required": _("Skriv din e-postadress."),
            "invalid": _("Skriv e-postadressen i formen namn@exempel.fi."),
        },
        widget=forms.EmailInput(attrs={"autocomplete": "email", "spellcheck": "false"}),
    )
    name = forms.CharField(
        label=_("Namn (valfritt)"),
        max_length=120,
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )
    topics = TopicsField()
    language = LanguageField()
    consent = forms.BooleanField(
        label=_("Jag vill få nyhetsbrevet och har läst hur mina uppgifter behandlas."),
        error_messages={"required": _("Kryssa i rutan för att ge ditt samtycke.")},
    )

    def __init__(self, *args, language: str | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        language = language or current_language()
        self._set_topics(language)
        self.fields["language"].initial = language
        if not self.is_bound:
            self.fields["topics"].initial = [
                slug for slug, _name in self.fields["topics"].choices
            ]


class PreferencesForm(_TopicsMixin, forms.Form):
    name = forms.CharField(
        label=_("Namn (valfritt)"),
        max_length=120,
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )
    topics = TopicsField(
        help_text=_("Vill du inte få något alls, avsluta prenumerationen längre ned.")
    )
    language = LanguageField()

    def __init__(self, *args, language: str | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self._set_topics(language or current_language())


class PreferencesLinkForm(ProtectedFormMixin, forms.Form):
    email = forms.EmailField(
        label=_("E-postadress"),
        max_length=254,
        error_messages={
            "required": _("Skriv din e-postadress."),
            "invalid": _("Skriv e-postadressen i formen namn@exempel.fi."),
        },
        widget=forms.EmailInput(attrs={"autocomplete": "email", "spellcheck": "false"}),
    )
