from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NewslettersConfig(AppConfig):
    """Newsletters written in Wagtail, their subscribers and the delivery
    engine that sends them through the task queue."""

    name = "coordinator.newsletters"
    label = "newsletters"
    verbose_name = _("Nyhetsbrev")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        # The page views and context providers (core.pages) and the signal
        # receivers register themselves on import.
        from . import signals, views  # noqa: F401
