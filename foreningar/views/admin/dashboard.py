"""The register's panel on the coordinator's admin dashboard."""

from __future__ import annotations

from django.urls import reverse
from wagtail.admin.ui.components import Component

from ...selectors.selfservice import pending_access_requests


class AccessRequestsPanel(Component):
    """Requests for access waiting for an answer, each linking to it."""

    name = "access_requests"
    order = 105
    template_name = "foreningar/admin/access_panel.html"

    def __init__(self, url_namespace: str):
        self.url_namespace = url_namespace

    def get_context_data(self, parent_context):
        items, total = pending_access_requests()
        return {
            "items": [
                (
                    application,
                    reverse(f"{self.url_namespace}:inspect", args=[application.pk]),
                )
                for application in items
            ],
            "total": total,
            "index_url": reverse(f"{self.url_namespace}:index")
            + "?status=access_requested",
        }
