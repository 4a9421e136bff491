"""On PostgreSQL, the register's search also matches stems in the reader's
language: one GIN index per text-search configuration over the read model's
search text, on exactly the expression ``foreningar.selectors.search``
queries (Django's ``SearchVector("search_text", config=...)``)."""

from django.db import migrations

CONFIGS = {"sv": "swedish", "fi": "finnish", "en": "english"}


def search_config_indexes(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for language, config in CONFIGS.items():
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS fn_entry_search_{language} ON "
            "foreningar_directoryentry USING gin "
            f"(to_tsvector('{config}'::regconfig, COALESCE(search_text, '')))"
        )


def drop_search_config_indexes(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for language in CONFIGS:
        schema_editor.execute(f"DROP INDEX IF EXISTS fn_entry_search_{language}")


class Migration(migrations.Migration):
    dependencies = [("foreningar", "0008_invitations")]

    operations = [
        migrations.RunPython(search_config_indexes, drop_search_config_indexes),
    ]
