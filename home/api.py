"""The public pages endpoint of API v2 (``/api/v2/pages/``)."""

from wagtail.api.v2.views import PagesAPIViewSet

from .selectors import exclude_non_public


class PublicPagesAPIViewSet(PagesAPIViewSet):
    """Wagtail's pages endpoint without the pages kept out of public listings
    (``core.hooks.PUBLIC_PAGE_EXCLUSIONS``): they appear nowhere public."""

    def get_base_queryset(self):
        return exclude_non_public(super().get_base_queryset())
