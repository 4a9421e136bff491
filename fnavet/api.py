"""API v2 at /api/v2/: the public pages, and every endpoint the apps register
under ``core.hooks.API_ENDPOINTS``."""

from django.utils.functional import classproperty
from rest_framework.settings import api_settings
from wagtail.api.v2.router import WagtailAPIRouter

from core import hooks
from home.api import PublicPagesAPIViewSet


class SettingsRenderers:
    """Wagtail's API viewsets always add DRF's browsable HTML API; this
    gives them ``REST_FRAMEWORK["DEFAULT_RENDERER_CLASSES"]`` instead (JSON
    only, except in development)."""

    @classproperty
    def renderer_classes(cls):
        return api_settings.DEFAULT_RENDERER_CLASSES


def endpoint(viewset):
    return type(viewset.__name__, (SettingsRenderers, viewset), {})


api_router = WagtailAPIRouter("wagtailapi")
api_router.register_endpoint("pages", endpoint(PublicPagesAPIViewSet))
for endpoints in hooks.collect(hooks.API_ENDPOINTS):
    for name, viewset in endpoints:
        api_router.register_endpoint(name, endpoint(viewset))
