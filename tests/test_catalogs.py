"""Every Finnish and English catalog of the project (locale/ and each
coordinator app's locale/) is complete: no empty, fuzzy or obsolete-only
entry, and the placeholders of each translation match its msgid.

Read with polib (a dev dependency): the .po file is what translators edit,
and msgfmt's statistics only count problems; polib names each entry."""

from __future__ import annotations

import pytest

from tests.catalogs import PLACEHOLDER, ROOT, catalog, catalog_paths

CATALOGS = catalog_paths()


def test_every_catalog_directory_has_fi_and_en():
    assert ROOT / "locale" / "fi" / "LC_MESSAGES" / "django.po" in CATALOGS
    by_dir: dict = {}
    for path in CATALOGS:
        by_dir.setdefault(path.parents[2], set()).add(path.parent.parent.name)
    assert len(by_dir) >= 4  # locale/ and grants, trainings, newsletters
    assert all(languages == {"fi", "en"} for languages in by_dir.values()), by_dir


def _problems(path, root=ROOT) -> list[str]:
    problems = []
    for entry in catalog(path):
        if entry.obsolete:
            continue
        label = f"{path.relative_to(root)}:{entry.linenum} {entry.msgid[:60]!r}"
        if "fuzzy" in entry.flags:
            problems.append(f"fuzzy: {label}")
        translations = (
            list(entry.msgstr_plural.values()) if entry.msgid_plural else [entry.msgstr]
        )
        if not translations or not all(t.strip() for t in translations):
            problems.append(f"untranslated: {label}")
            continue
        if "python-format" in entry.flags or "python-brace-format" in entry.flags:
            wanted = sorted(set(PLACEHOLDER.findall(entry.msgid)) - {"%%"})
            for text in translations:
                got = sorted(set(PLACEHOLDER.findall(text)) - {"%%"})
                # A plural form may leave out the count; names must all be there.
                if entry.msgid_plural:
                    got_names = {p for p in got if "(" in p or "{" in p}
                    wanted_names = {p for p in wanted if "(" in p or "{" in p}
                    if not got_names <= wanted_names | set(
                        PLACEHOLDER.findall(entry.msgid_plural)
                    ):
                        problems.append(f"placeholders: {label}")
                elif got != wanted:
                    problems.append(f"placeholders {got} ≠ {wanted}: {label}")
    return problems


@pytest.mark.parametrize(
    "path", CATALOGS, ids=[str(p.relative_to(ROOT)) for p in CATALOGS]
)
def test_catalog_is_complete(path):
    problems = _problems(path)
    assert not problems, "\n".join(problems)


def test_the_check_finds_fuzzy_and_empty_entries(tmp_path):
    """The check itself: a fuzzy entry and an empty one are both reported."""
    po = tmp_path / "django.po"
    po.write_text(
        'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'
        '#, fuzzy\nmsgid "Hej"\nmsgstr "Moi"\n\n'
        'msgid "Tack"\nmsgstr ""\n\n'
        '#, python-format\nmsgid "%(n)s föreningar"\nmsgstr "%(m)s yhdistystä"\n',
        encoding="utf-8",
    )
    problems = "\n".join(_problems(po, root=tmp_path))
    assert "fuzzy: django.po" in problems and "'Hej'" in problems
    assert "untranslated: django.po" in problems and "'Tack'" in problems
    assert "placeholders" in problems
