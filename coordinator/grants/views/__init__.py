"""Public views of the grants app. Importing this package registers the page
views and context providers (``core.pages``)."""

from . import feeds, help, pages, sections, watch

__all__ = ["feeds", "help", "pages", "sections", "watch"]
