"""Template helpers every app's templates use: local dates, form widgets tied
to their help and errors, and cache generations for ``{% wagtailcache %}``."""

from __future__ import annotations

from django import template

from .. import dates
from ..caching import generation

register = template.Library()

register.filter("datum", dates.long_date)
register.filter("datumtid", dates.long_datetime)
register.filter("kort_datum", dates.short_date)
register.filter("klockslag", dates.time_of_day)


@register.simple_tag
def cache_generation(name: str) -> int:
    """The current value of a cache generation, to vary a cached fragment on:
    ``{% cache_generation "chrome" as gen %}{% wagtailcache 300 menu gen %}``."""
    return generation(name).value


@register.simple_tag
def elided_pages(page_obj):
    return list(
        page_obj.paginator.get_elided_page_range(page_obj.number, on_each_side=2)
    )


@register.simple_tag
def render_widget(field):
    """A form widget tied to its help text and error message, so screen
    readers announce both when the field gets focus."""
    described_by = []
    if field.help_text:
        described_by.append(f"{field.auto_id}_helptext")
    if field.errors:
        described_by.append(f"{field.auto_id}_error")
    attrs = {"aria-describedby": " ".join(described_by)} if described_by else {}
    if field.errors:
        attrs["aria-invalid"] = "true"
    return field.as_widget(attrs=attrs)
