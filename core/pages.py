"""Page behaviour that lives in an app's views, without the model importing it.

A page model stays a declaration (fields, panels, rules). What it shows and
how it answers a form live in the app's ``views`` module, which registers
them here; the model (through :class:`DelegatingPageMixin`) looks them up::

    # views.py
    @context_provider(AssociationIndexPage)
    def directory_context(request, page): return {...}

    @page_view(AccessibilityStatementPage)
    def statement(request, page):            # GET and POST
        ...
        return render_page(request, page, {"form": form}, status=400)

Context providers also feed Wagtail's previews; a ``page_view`` replaces
``serve`` (routable pages delegate a named route with ``page.delegate``).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.http import HttpRequest, HttpResponse
from django.template.response import TemplateResponse

ContextProvider = Callable[[HttpRequest, Any], dict[str, Any]]
PageView = Callable[..., HttpResponse]

_providers: dict[type, list[ContextProvider]] = {}
_views: dict[tuple[type, str], PageView] = {}


def context_provider(model: type) -> Callable[[ContextProvider], ContextProvider]:
    def register(provider: ContextProvider) -> ContextProvider:
        _providers.setdefault(model, []).append(provider)
        return provider

    return register


def page_view(model: type, route: str = "serve") -> Callable[[PageView], PageView]:
    def register(view: PageView) -> PageView:
        if (model, route) in _views:
            raise ValueError(f"{model.__name__}.{route} has a view already.")
        _views[(model, route)] = view
        return view

    return register


def _lookup_view(model: type, route: str) -> PageView | None:
    for cls in model.__mro__:
        view = _views.get((cls, route))
        if view is not None:
            return view
    return None


class DelegatingPageMixin:
    """Mix into a Page model whose views register with this module."""

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        for cls in reversed(type(self).__mro__):
            for provider in _providers.get(cls, ()):
                context.update(provider(request, self))
        return context

    def serve(self, request, *args, **kwargs):
        view = _lookup_view(type(self), "serve")
        if view is None:
            return super().serve(request, *args, **kwargs)
        request.is_preview = False
        return view(request, self, *args, **kwargs)

    def delegate(self, route: str, request, *args, **kwargs) -> HttpResponse:
        """Answer a RoutablePageMixin route with the view registered for it."""
        view = _lookup_view(type(self), route)
        if view is None:
            raise LookupError(f"No view registered for {type(self).__name__}.{route}")
        return view(request, self, *args, **kwargs)


def render_page(
    request: HttpRequest,
    page: Any,
    extra: dict[str, Any] | None = None,
    *,
    template: str | None = None,
    status: int = 200,
) -> TemplateResponse:
    """The page with its normal context plus ``extra``."""
    context = page.get_context(request)
    context.update(extra or {})
    return TemplateResponse(
        request, template or page.get_template(request), context, status=status
    )


# More rows than a section page type ever has (one per language tree).
_FEW_PAGES = 50


def first_in_tree(queryset):
    """The first page of a small queryset of one page type in tree order
    (e.g. the live register in the default language), or None.

    Not ``order_by("path").first()``: joined to the page table, ORDER BY path
    LIMIT 1 makes PostgreSQL walk the path index of every page in the tree
    (80 ms at 20 000 associations, on every page that shows the section) when
    the type's own table holds a handful of rows; sorting those in Python is
    free."""
    pages = list(queryset.order_by()[:_FEW_PAGES])
    return min(pages, key=lambda page: page.path, default=None)
