"""Sessions started from an emailed link (no password, no Wagtail account).

Each kind of person has its own :class:`LinkSession` (its own session key),
so a representative's login says nothing about a newsletter subscriber::

    REPRESENTATIVE = LinkSession("foreningar.representative", Representative)
    REPRESENTATIVE.start(request, representative)
    representative = REPRESENTATIVE.current(request)   # or None
"""

from __future__ import annotations

from typing import Generic, TypeVar

from django.db import models
from django.http import HttpRequest

M = TypeVar("M", bound=models.Model)

# A session from an emailed link lasts 12 hours from its last use.
SESSION_AGE = 12 * 60 * 60


class LinkSession(Generic[M]):
    def __init__(self, key: str, model: type[M], age: int = SESSION_AGE):
        self.key = f"fnavet.{key}"
        self.model = model
        self.age = age

    def start(self, request: HttpRequest, subject: M) -> None:
        """Log ``subject`` in: a new session key (no fixation), then the id."""
        request.session.cycle_key()
        request.session[self.key] = subject.pk
        request.session.set_expiry(self.age)

    def end(self, request: HttpRequest) -> None:
        request.session.pop(self.key, None)
        request.session.cycle_key()

    def current_id(self, request: HttpRequest) -> int | None:
        pk = request.session.get(self.key)
        return pk if isinstance(pk, int) else None

    def current(self, request: HttpRequest) -> M | None:
        """The logged-in subject, or None; renews the session's age on use."""
        pk = self.current_id(request)
        if pk is None:
            return None
        subject = self.model._default_manager.filter(pk=pk).first()
        if subject is None:
            self.end(request)
            return None
        request.session.set_expiry(self.age)
        return subject
