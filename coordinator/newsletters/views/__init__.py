"""Views of the newsletters: the archive's routes (public.py), the
one-click unsubscribe (unsubscribe.py) and the coordinator's admin views
(admin.py). Importing this package registers the page views."""

from . import admin, public, unsubscribe

__all__ = ["admin", "public", "unsubscribe"]
