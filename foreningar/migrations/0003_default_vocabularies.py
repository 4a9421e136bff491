"""Seed the register's vocabularies in the default language (Swedish). The
data is copied here (not imported) so the migration never changes later."""

import uuid

from django.conf import settings
from django.db import migrations

VOCABULARIES = {
    "activityarea": [
        ("idrott", "Idrott och motion"),
        ("kultur", "Kultur"),
        ("musik-och-kor", "Musik och kör"),
        ("social-verksamhet", "Social verksamhet"),
        ("seniorer", "Seniorer"),
        ("barn-och-unga", "Barn och unga"),
        ("integration", "Integration"),
        ("funktionsratt", "Funktionsrätt"),
        ("miljo-och-natur", "Miljö och natur"),
        ("by-och-lokalutveckling", "By- och lokalutveckling"),
        ("religion-och-livsaskadning", "Religion och livsåskådning"),
        ("hobby", "Hobby och fritid"),
        ("intresseorganisation", "Intresseorganisation"),
        ("halsa", "Hälsa och stöd"),
        ("trygghet", "Trygghet och grannsamverkan"),
    ],
    "targetgroup": [
        ("barn", "Barn"),
        ("unga", "Unga"),
        ("vuxna", "Vuxna"),
        ("seniorer", "Seniorer"),
        ("familjer", "Familjer"),
        ("nyanlanda", "Nyanlända"),
        ("personer-med-funktionsnedsattning", "Personer med funktionsnedsättning"),
        ("alla", "Alla"),
    ],
    "district": [
        ("centrum", "Centrum"),
        ("norrby", "Norrby"),
        ("soderstrand", "Söderstrand"),
        ("hamnen", "Hamnen"),
        ("skogsbacka", "Skogsbacka"),
        ("kyrkbyn", "Kyrkbyn"),
        ("asen", "Åsen"),
        ("landsbygden", "Landsbygden"),
        ("hela-kommunen", "Hela kommunen"),
    ],
    "activitylanguage": [
        ("svenska", "Svenska", "sv"),
        ("finska", "Finska", "fi"),
        ("engelska", "Engelska", "en"),
        ("arabiska", "Arabiska", "ar"),
        ("somaliska", "Somaliska", "so"),
        ("persiska", "Persiska", "fa"),
        ("ukrainska", "Ukrainska", "uk"),
        ("ryska", "Ryska", "ru"),
        ("estniska", "Estniska", "et"),
        ("tigrinja", "Tigrinja", "ti"),
        ("kurdiska", "Kurdiska", "ku"),
        ("samiska", "Samiska", "se"),
        ("svenskt-teckensprak", "Svenskt teckenspråk", "swl"),
        ("finlandssvenskt-teckensprak", "Finlandssvenskt teckenspråk", "fss"),
        ("finskt-teckensprak", "Finskt teckenspråk", "fse"),
        ("latt-svenska", "Lätt svenska", "sv"),
    ],
}


def seed(apps, schema_editor):
    Locale = apps.get_model("wagtailcore", "Locale")
    locale, _ = Locale.objects.get_or_create(language_code=settings.LANGUAGE_CODE)
    for model_name, rows in VOCABULARIES.items():
        model = apps.get_model("foreningar", model_name)
        for position, row in enumerate(rows, start=1):
            slug, name = row[0], row[1]
            extra = {"code": row[2]} if len(row) > 2 else {}
            if model.objects.filter(locale=locale, slug=slug).exists():
                continue
            model.objects.create(
                locale=locale,
                translation_key=uuid.uuid4(),
                slug=slug,
                name=name,
                sort_order=position * 10,
                **extra,
            )


class Migration(migrations.Migration):
    dependencies = [
        ("foreningar", "0002_selfservice"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
