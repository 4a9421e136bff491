"""Every Finnish and English catalog (the project's locale/ and each app's
own locale/) is complete and compiles."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest
from django.utils import translation

ROOT = Path(__file__).resolve().parents[2]
CATALOGS = sorted(
    path
    for path in ROOT.glob("**/locale/*/LC_MESSAGES/django.po")
    if ".venv" not in path.parts and path.parent.parent.name in {"fi", "en"}
)


def test_every_language_has_its_catalogs():
    assert (ROOT / "locale" / "fi" / "LC_MESSAGES" / "django.po") in CATALOGS
    languages_by_dir: dict[Path, set[str]] = {}
    for path in CATALOGS:
        languages_by_dir.setdefault(path.parents[2], set()).add(path.parent.parent.name)
    assert all(languages == {"fi", "en"} for languages in languages_by_dir.values())


@pytest.mark.parametrize(
    "po_file", CATALOGS, ids=[str(path.relative_to(ROOT)) for path in CATALOGS]
)
def test_catalog_has_no_untranslated_or_fuzzy_messages(po_file):
    msgfmt = shutil.which("msgfmt")
    if msgfmt is None:
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail("msgfmt (gettext) is missing under CI=true")
        pytest.skip("msgfmt (gettext) is not installed")
    result = subprocess.run(
        [msgfmt, "--check", "--statistics", "-o", os.devnull, str(po_file)],
        capture_output=True,
        text=True,
        env={**os.environ, "LC_ALL": "C"},
    )
    assert result.returncode == 0, result.stderr
    # e.g. "590 translated messages." – nothing fuzzy or untranslated.
    assert "translated messages" in result.stderr
    assert "fuzzy" not in result.stderr
    assert "untranslated" not in result.stderr


@pytest.mark.parametrize(
    ("language", "expected"),
    [("fi", "Siirry pääsisältöön"), ("en", "Skip to main content")],
)
def test_compiled_catalog_is_used(language, expected):
    with translation.override(language):
        assert translation.gettext("Hoppa till huvudinnehållet") == expected
