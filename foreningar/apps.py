from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ForeningarConfig(AppConfig):
    name = "foreningar"
    verbose_name = _("Föreningar")

    def ready(self):
        # Self-service: workflow signal handlers, log actions and admin views.
        from .selfservice import signals, wagtail_hooks  # noqa: F401
