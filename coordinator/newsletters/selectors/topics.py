"""Topics in the reader's language."""

from __future__ import annotations

from dataclasses import dataclass

from core.i18n import default_locale_id, locale_ids

from ..models import Topic


@dataclass(frozen=True)
class TopicChoice:
    slug: str
    name: str
    description: str
    translated: bool  # False: shown in the default language


def topic_choices(language: str) -> list[TopicChoice]:
    """Every topic, named in ``language`` where a translation exists (one
    query)."""
    default_id = default_locale_id()
    wanted = locale_ids().get(language, default_id)
    rows = Topic.objects.filter(locale_id__in={default_id, wanted}).order_by(
        "sort_order", "name"
    )
    sources = [row for row in rows if row.locale_id == default_id]
    translations = {row.translation_key: row for row in rows if row.locale_id == wanted}
    choices = []
    for source in sources:
        shown = translations.get(source.translation_key, source)
        choices.append(
            TopicChoice(
                source.slug,
                shown.name,
                shown.description,
                translated=shown.locale_id == wanted,
            )
        )
    return choices
