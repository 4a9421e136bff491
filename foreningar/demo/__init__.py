"""Demo content of the register for ``seed_demo``: the register and
registration pages, the vocabularies' translations and ``--associations N``
associations of one consistent town."""

from __future__ import annotations

from .bulk import seed_associations, timed
from .data import DEFAULT_DEMO_COUNT
from .site import (
    ensure_for_associations_page,
    ensure_register_page,
    ensure_registration_page,
    ensure_vocabulary_translations,
)
from .translations import demo_representative_link, translate_register


def seed_register(count: int = DEFAULT_DEMO_COUNT, seed: int = 2026) -> str:
    """Everything the register needs for the demo. Returns a console line."""
    translations = ensure_vocabulary_translations()
    register = ensure_register_page()
    registration = ensure_registration_page(register)
    ensure_for_associations_page(registration)
    translate_register(register, registration)
    (created, total), elapsed = timed(seed_associations, count, seed, register)
    message = (
        f"Föreningsregistret: {created} nya föreningar, {total} totalt "
        f"({elapsed:.1f} s). Registreringssidan och granskningsflödet är klara, "
        "på svenska, finska och engelska."
    )
    if translations:
        message += f" {translations} översättningar av ordlistorna."
    login = demo_representative_link(register)
    if login:
        message += login
    return message


__all__ = [
    "DEFAULT_DEMO_COUNT",
    "ensure_register_page",
    "ensure_registration_page",
    "ensure_vocabulary_translations",
    "seed_associations",
    "seed_register",
]
