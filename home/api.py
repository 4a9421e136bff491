"""The public pages endpoint of API v2 (``/api/v2/pages/``)."""

from wagtail.api.v2.views import PagesAPIViewSet

from core.api import CheckedParamsMixin

from .selectors import exclude_non_public


class PublicPagesAPIViewSet(CheckedParamsMixin, PagesAPIViewSet):
    """Wagtail's pages endpoint without the pages kept out of public listings
    (``core.hooks.PUBLIC_PAGE_EXCLUSIONS``): they appear nowhere public. Bad
    parameters are a 400 with a translated message (``core.api``)."""

    def get_base_queryset(self):
        return exclude_non_public(super().get_base_queryset())
