"""What ``seed_demo`` needs from each app, and helpers to build demo pages
through Wagtail's own APIs (so demo pages have revisions and history like
pages an editor made)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, TextIO

from wagtail.models import Page


@dataclass(frozen=True)
class DemoOption:
    """A ``seed_demo`` option an app adds, e.g. ``--associations N``."""

    name: str  # "associations" → --associations
    type: type
    default: Any
    help: str


@dataclass(frozen=True)
class DemoSeeder:
    """An app's demo content. ``run(options, stdout)`` is idempotent and
    returns a line for the console (or None). Seeders run by ``order``."""

    name: str
    order: int
    run: Callable[[dict[str, Any], TextIO], str | None]
    options: tuple[DemoOption, ...] = field(default_factory=tuple)


def publish(page: Page, user=None) -> Page:
    """Save the page's current state as a revision and publish it."""
    page.save_revision(user=user, log_action=True).publish(user=user)
    return page


def upsert_child(parent: Page, model: type[Page], slug: str, **fields: Any) -> Page:
    """The child of ``parent`` with ``slug``: created with ``add_child`` or
    updated, then published as a new revision. Idempotent."""
    existing = parent.get_children().filter(slug=slug).first()
    if existing is None:
        page = model(slug=slug, **fields)
        parent.add_child(instance=page)
    else:
        page = existing.specific
        if not isinstance(page, model):
            raise TypeError(
                f"{page.url_path} is a {type(page).__name__}, not {model.__name__}"
            )
        for name, value in fields.items():
            setattr(page, name, value)
    return publish(page)


def translate(page: Page, language_code: str, **fields: Any) -> Page:
    """The page's translation into ``language_code`` with ``fields`` set,
    published: created with Wagtail's ``copy_for_translation`` (missing
    parents are copied too), or updated if it exists. Idempotent."""
    from wagtail.models import Locale

    locale = Locale.objects.get(language_code=language_code)
    translation = page.get_translation_or_none(locale)
    if translation is None:
        translation = page.copy_for_translation(locale, copy_parents=True)
    translation = translation.specific
    for name, value in fields.items():
        setattr(translation, name, value)
    return publish(translation)
