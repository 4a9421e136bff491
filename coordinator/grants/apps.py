from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class GrantsConfig(AppConfig):
    name = "coordinator.grants"
    label = "grants"
    verbose_name = _("Bidrag")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        # The page views and context providers register themselves on import
        # (core.pages).
        from . import views  # noqa: F401
