from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HomeConfig(AppConfig):
    name = "home"
    verbose_name = _("Webbplatsen")

    def ready(self):
        from . import views  # noqa: F401  (registers the page views)
        from .caching import connect_signals

        connect_signals()
