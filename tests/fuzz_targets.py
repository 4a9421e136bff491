"""What the shared fuzz test (tests/test_fuzz.py) throws arbitrary input at:
every public form and every public list page or API endpoint. An app adds
its own entries here when it adds a public form or list.

- ``FORMS``: (label, path) – POST with arbitrary fields and values, on the
  seeded test database (tests/conftest.py).
- ``LISTS``: (label, path) – GET with arbitrary query strings.
"""

from __future__ import annotations

FORMS: list[tuple[str, str]] = [
    ("accessibility feedback", "/tillganglighet/"),
    ("registration", "/foreningar/registrera/"),
    ("new verification link", "/foreningar/registrera/ny-lank/"),
    ("representative login", "/min-forening/logga-in/"),
    # Needs the grants section (coordinator.grants.demo.seed_grants) seeded.
    ("grant help request", "/bidrag/verksamhetsbidrag-2027/hjalp/"),
    # A training's sign-up form needs a training: tests/trainings/test_fuzz.py
    # throws the same kind of input at it and at an emailed sign-up link.
    ("newsletter subscribe", "/nyhetsbrev/"),
    ("newsletter preferences link", "/nyhetsbrev/installningar/"),
    ("newsletter confirmation", "/nyhetsbrev/bekrafta/x/"),
    ("newsletter one-click unsubscribe", "/nyhetsbrev/avsluta/x/"),
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
