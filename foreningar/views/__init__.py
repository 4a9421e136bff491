"""Public and self-service views of the register. Importing this package
registers the page views and context providers (``core.pages``)."""

from . import directory, export, profile, registration, selfservice

__all__ = ["directory", "export", "profile", "registration", "selfservice"]
