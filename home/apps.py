from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class HomeConfig(AppConfig):
    name = "home"
    verbose_name = _("Webbplatsen")

    def ready(self):
        from . import views  # noqa: F401  (registers the page views)
        from .caching import connect_signals

        connect_signals()
        post_migrate.connect(
            sync_site_after_migrate, sender=self, dispatch_uid="home_sync_site"
        )


def sync_site_after_migrate(sender, using="default", **kwargs):
    """After every ``migrate``: the default Site follows ``SITE_URL``."""
    from django.db import connections

    from .services import sync_default_site

    if "wagtailcore_site" in connections[using].introspection.table_names():
        sync_default_site()
