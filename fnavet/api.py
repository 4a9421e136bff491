from wagtail.api.v2.router import WagtailAPIRouter

from foreningar.api import AssociationsAPIViewSet, PublicPagesAPIViewSet

api_router = WagtailAPIRouter("wagtailapi")
api_router.register_endpoint("pages", PublicPagesAPIViewSet)
api_router.register_endpoint("associations", AssociationsAPIViewSet)
