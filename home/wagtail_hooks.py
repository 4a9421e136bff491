from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import AccessibilityFeedback


class AccessibilityFeedbackViewSet(SnippetViewSet):
    model = AccessibilityFeedback
    icon = "mail"
    menu_label = _("Tillgänglighetsåterkoppling")
    add_to_admin_menu = False
    list_display = ["created_at", "message", "email", "page_url", "handled"]
    list_filter = ["handled"]
    search_fields = ["message", "email", "name"]
    list_export = ["created_at", "name", "email", "page_url", "message", "handled"]
    ordering = ["-created_at"]


register_snippet(AccessibilityFeedbackViewSet)
