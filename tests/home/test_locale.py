"""The Finnish and English catalogs are complete and compile: the project's
own (locale/) and each coordinator app's (coordinator/<app>/locale/)."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest
from django.utils import translation

ROOT = Path(__file__).resolve().parents[2]
LOCALE_DIRS = [ROOT / "locale", *sorted(ROOT.glob("coordinator/*/locale"))]
CATALOGS = [
    directory / language / "LC_MESSAGES" / "django.po"
    for directory in LOCALE_DIRS
    for language in ("fi", "en")
]


@pytest.mark.parametrize(
    "po_file", CATALOGS, ids=[str(path.relative_to(ROOT)) for path in CATALOGS]
)
def test_catalog_has_no_untranslated_or_fuzzy_messages(po_file):
    msgfmt = shutil.which("msgfmt")
    if msgfmt is None:
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail("msgfmt (gettext) is missing under CI=true")
        pytest.skip("msgfmt (gettext) is not installed")
    assert po_file.exists(), f"{po_file} is missing"
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


@pytest.mark.parametrize(
    ("language", "expected"),
    [("fi", "Hae apua hakemiseen"), ("en", "Get help applying")],
)
def test_app_catalogs_are_used(language, expected):
    with translation.override(language):
        assert translation.gettext("Få hjälp att söka") == expected
