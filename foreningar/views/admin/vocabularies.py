"""The register's vocabularies as snippets: one row per term (its
default-language row) with its name in every language as columns. The other
languages' names come from subqueries, so the listing runs the same number of
queries whatever its length."""

from __future__ import annotations

from django.conf import settings
from django.db.models import OuterRef, Subquery
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import Column
from wagtail.snippets.views.snippets import (
    IndexView,
    SnippetViewSet,
    SnippetViewSetGroup,
)

from ...models import VOCABULARIES


def _name_field(language: str) -> str:
    return f"name_{language}"


class VocabularyIndexView(IndexView):
    def get_base_queryset(self):
        queryset = super().get_base_queryset()
        if not self.request.GET.get("locale"):
            # One row per term: the default-language row stands for it.
            queryset = queryset.filter(locale__language_code=settings.LANGUAGE_CODE)
        translations = self.model.objects.filter(
            translation_key=OuterRef("translation_key")
        )
        return queryset.annotate(
            **{
                _name_field(code): Subquery(
                    translations.filter(locale__language_code=code).values("name")[:1]
                )
                for code, _label in settings.LANGUAGES
                if code != settings.LANGUAGE_CODE
            }
        )


def _translation_columns() -> list[Column]:
    """The term's name in the other languages, beside the row's own name."""
    return [
        Column(_name_field(code), label=label, accessor=_name_field(code))
        for code, label in settings.LANGUAGES
        if code != settings.LANGUAGE_CODE
    ]


class VocabularyViewSet(SnippetViewSet):
    index_view_class = VocabularyIndexView
    list_export = ["name", "slug", "sort_order", "locale"]
    search_fields = ["name", "slug"]
    ordering = ["sort_order", "name"]
    add_to_admin_menu = False


def _vocabulary_viewset(spec) -> type[VocabularyViewSet]:
    """A snippet viewset per vocabulary: the term's names in sv, fi and en,
    then the model's extra fields (the language code)."""
    extra = [
        field.name
        for field in spec.model._meta.fields
        if field.name
        not in {"id", "name", "slug", "sort_order", "locale", "translation_key"}
    ]
    return type(
        f"{spec.model.__name__}ViewSet",
        (VocabularyViewSet,),
        {
            "model": spec.model,
            "icon": spec.icon,
            "list_display": [
                "name",
                *_translation_columns(),
                "slug",
                *extra,
                "sort_order",
            ],
            "list_export": ["name", "slug", *extra, "sort_order", "locale"],
        },
    )


class VocabularyGroup(SnippetViewSetGroup):
    menu_label = _("Registrets ordlistor")
    menu_icon = "list-ul"
    menu_order = 210
    items = tuple(_vocabulary_viewset(spec) for spec in VOCABULARIES)
