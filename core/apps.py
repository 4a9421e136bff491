from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    """The shared kernel: email, emailed links, form protection, caching and
    language helpers. Imports no other app of this project."""

    name = "core"
    verbose_name = _("Gemensamma funktioner")

    def ready(self):
        from django.core.checks import Tags, register
        from django.db.models.signals import post_delete, post_save
        from wagtail.models import Locale

        from .checks import check_rate_limit_cache
        from .export import guard_admin_exports
        from .i18n import LOCALES
        from .workflow_mail import queue_workflow_notifications

        for signal in (post_save, post_delete):
            signal.connect(
                LOCALES.bump, sender=Locale, dispatch_uid=f"core-locales-{signal}"
            )
        register(check_rate_limit_cache, Tags.caches)
        guard_admin_exports()
        queue_workflow_notifications()
