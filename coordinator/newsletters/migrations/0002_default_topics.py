"""Seed the four newsletter topics in Swedish, Finnish and English. The data
is copied here (not imported) so the migration never changes later."""

import uuid

from django.conf import settings
from django.db import migrations

TOPICS = [
    (
        "foreningsnytt",
        {
            "sv": ("Föreningsnytt", "Nyheter från kommunen och föreningslivet."),
            "fi": ("Yhdistysuutiset", "Uutisia kunnasta ja yhdistyksistä."),
            "en": ("Association news", "News from the town and local associations."),
        },
    ),
    (
        "bidrag",
        {
            "sv": ("Bidrag", "Bidrag att söka och när ansökningstiden går ut."),
            "fi": ("Avustukset", "Haettavat avustukset ja hakuajat."),
            "en": ("Grants", "Grants to apply for and their deadlines."),
        },
    ),
    (
        "utbildningar",
        {
            "sv": ("Utbildningar", "Kurser och utbildningar för föreningsaktiva."),
            "fi": ("Koulutukset", "Kursseja ja koulutuksia yhdistysaktiiveille."),
            "en": ("Trainings", "Courses and trainings for association volunteers."),
        },
    ),
    (
        "evenemang",
        {
            "sv": ("Evenemang", "Evenemang och träffar i kommunen."),
            "fi": ("Tapahtumat", "Tapahtumia ja tapaamisia kunnassa."),
            "en": ("Events", "Events and meet-ups in the town."),
        },
    ),
]


def seed(apps, schema_editor):
    Locale = apps.get_model("wagtailcore", "Locale")
    Topic = apps.get_model("newsletters", "Topic")
    codes = [code for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES]
    locales = {code: Locale.objects.get_or_create(language_code=code)[0] for code in codes}
    for position, (slug, names) in enumerate(TOPICS, start=1):
        existing = Topic.objects.filter(slug=slug).first()
        key = existing.translation_key if existing else uuid.uuid4()
        for code, locale in locales.items():
            name, description = names.get(code, names["sv"])
            Topic.objects.get_or_create(
                locale=locale,
                slug=slug,
                defaults={
                    "name": name,
                    "description": description,
                    "sort_order": position * 10,
                    "translation_key": key,
                },
            )


class Migration(migrations.Migration):
    dependencies = [
        ("newsletters", "0001_initial"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
