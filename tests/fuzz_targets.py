"""What the shared fuzz test (tests/test_fuzz.py) throws arbitrary input at:
every public form and every public list page or API endpoint. An app adds
its own entries here when it adds a public form or list.

- ``FORMS``: (label, path, who) – POST with arbitrary fields and values over
  the fields the form shows (read from its page). ``path`` may name things
  the fuzz test makes first: ``{association}`` (a published association),
  ``{call}`` (a grant call's path), ``{training}`` (a training's path),
  ``{invitation}``, ``{signup}`` and ``{preferences}`` (tokens of emailed
  links). ``who``: "" for anyone, "representative" for a logged-in one.
- ``LISTS``: (label, path) – GET with arbitrary query strings.
"""

from __future__ import annotations

FORMS: list[tuple[str, str, str]] = [
    ("accessibility feedback", "/tillganglighet/", ""),
    ("registration", "/foreningar/registrera/", ""),
    ("new verification link", "/foreningar/registrera/ny-lank/", ""),
    ("representative login link", "/min-forening/logga-in/", ""),
    ("profile edit", "/min-forening/{association}/redigera/", "representative"),
    ("invitation accept", "/min-forening/inbjudan/{invitation}/", ""),
    ("grant help request", "{call}hjalp/", ""),
    ("training sign-up", "{training}", ""),
    ("training sign-up cancel", "{training}anmalan/{signup}/", ""),
    ("newsletter subscribe", "/nyhetsbrev/", ""),
    ("newsletter preferences", "/nyhetsbrev/installningar/{preferences}/", ""),
    ("newsletter preferences link request", "/nyhetsbrev/installningar/", ""),
    ("newsletter confirmation", "/nyhetsbrev/bekrafta/x/", ""),
    ("newsletter one-click unsubscribe", "/nyhetsbrev/avsluta/x/", ""),
]

LISTS: list[tuple[str, str]] = [
    ("directory", "/foreningar/"),
    ("directory CSV", "/foreningar/export.csv"),
    ("site search", "/sok/"),
    ("newsletter archive", "/nyhetsbrev/"),
    ("associations API", "/api/v2/associations/"),
    ("pages API", "/api/v2/pages/"),
    ("grant calls", "/bidrag/"),
    ("grant call archive", "/bidrag/arkiv/"),
    ("grant calls RSS", "/bidrag/rss/"),
    ("grant deadlines iCal", "/bidrag/sista-ansokningsdag.ics"),
    ("grant calls API", "/api/v2/grant-calls/"),
    ("trainings", "/utbildningar/"),
    ("calendar", "/kalender/"),
    ("calendar feed", "/kalender/kalender.ics"),
    ("trainings in the pages API", "/api/v2/pages/?type=trainings.TrainingEventPage"),
]

# Parameter names the lists and the API know, so arbitrary values reach them.
KNOWN_PARAMS: list[str] = [
    "page", "q", "verksamhet", "malgrupp", "omrade", "sprak", "volontarer",
    "sortering", "finansiar", "belopp", "manad", "avgiftsfri", "status",
    "search", "search_operator", "order", "offset", "limit", "fields", "type",
    "child_of", "descendant_of", "ancestor_of", "translation_of", "locale",
    "id", "title", "slug", "latitude", "longitude", "first_published_at",
    "last_verified_at", "deadline", "opens_at", "amount_max", "town",
    "activity_areas", "districts", "target_groups", "purposes",
    "looking_for_volunteers", "founded_year", "html_path",
]  # fmt: skip
