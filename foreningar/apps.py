from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ForeningarConfig(AppConfig):
    name = "foreningar"
    verbose_name = _("Föreningar")

    def ready(self):
        # The page views and context providers (core.pages) and the signal
        # receivers register themselves on import.
        from . import signals, views  # noqa: F401
