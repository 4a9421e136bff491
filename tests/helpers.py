"""Plain helpers for tests (fixtures live in the conftest.py files)."""

from __future__ import annotations

import re

from core.protection import HONEYPOT_FIELD, TOKEN_FIELD, signed_form_token


def protected(data: dict | None = None, *, seconds_ago: float = 10, **extra) -> dict:
    """Form data with a valid honeypot and start token (ProtectedFormMixin)."""
    return {
        HONEYPOT_FIELD: "",
        TOKEN_FIELD: signed_form_token(seconds_ago),
        **(data or {}),
        **extra,
    }


def links_in(message) -> list[str]:
    """The absolute links in an email's plain-text body."""
    return re.findall(r"https?://\S+", message.body)


def path_of(url: str) -> str:
    """``https://host/a/b/?c`` → ``/a/b/?c``."""
    return "/" + url.split("://", 1)[1].split("/", 1)[1]
