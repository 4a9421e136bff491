"""Public, self-service and admin views of the trainings. Importing this
package registers the page views and context providers (``core.pages``)."""

from . import admin, calendar, selfservice, signup

__all__ = ["admin", "calendar", "selfservice", "signup"]
