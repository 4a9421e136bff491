"""API v2 at /api/v2/: the public pages, and every endpoint the apps register
under ``core.hooks.API_ENDPOINTS``."""

from wagtail.api.v2.router import WagtailAPIRouter

from core import hooks
from home.api import PublicPagesAPIViewSet

api_router = WagtailAPIRouter("wagtailapi")
api_router.register_endpoint("pages", PublicPagesAPIViewSet)
for endpoints in hooks.collect(hooks.API_ENDPOINTS):
    for name, viewset in endpoints:
        api_router.register_endpoint(name, viewset)
