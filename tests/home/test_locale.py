"""The Finnish and English catalogs are complete and compile."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest
from django.utils import translation

BASE_DIR = Path(__file__).resolve().parents[2]
# The project's catalog and each coordinator app's own (coordinator/<app>/locale).
LOCALE_DIRS = [BASE_DIR / "locale", *sorted(BASE_DIR.glob("coordinator/*/locale"))]
CATALOGS = [
    pytest.param(
        locale_dir, language, id=f"{locale_dir.relative_to(BASE_DIR)}-{language}"
    )
    for locale_dir in LOCALE_DIRS
    for language in ("fi", "en")
]


@pytest.mark.parametrize(("locale_dir", "language"), CATALOGS)
def test_catalog_has_no_untranslated_or_fuzzy_messages(locale_dir, language):
    msgfmt = shutil.which("msgfmt")
    if msgfmt is None:
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail("msgfmt (gettext) is missing under CI=true")
        pytest.skip("msgfmt (gettext) is not installed")
    po_file = locale_dir / language / "LC_MESSAGES" / "django.po"
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
