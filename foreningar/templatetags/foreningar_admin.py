"""Admin template tags of the register."""

from __future__ import annotations

from django import template
from wagtail.admin.templatetags.wagtailadmin_tags import user_display_name

from ..selectors.selfservice import requesters_for

register = template.Library()


@register.simple_tag(takes_context=True)
def workflow_requester(context, workflow_state) -> str:
    """Who asked for the review: the user, or the representative (who has no
    user account) named in the submission's log entry. The names of the whole
    report page are looked up once."""
    if workflow_state.requested_by_id:
        return user_display_name(workflow_state.requested_by)
    cache = context.render_context
    if "fn_requesters" not in cache:
        cache["fn_requesters"] = requesters_for(context.get("object_list") or [])
    return cache["fn_requesters"].get(workflow_state.pk, "")
