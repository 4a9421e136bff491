from csp.constants import SELF, UNSAFE_INLINE
from csp.middleware import CSPMiddleware

# The Wagtail admin relies on inline scripts and styles; it sits behind a login.
ADMIN_POLICY = {
    "script-src": [SELF, UNSAFE_INLINE],
    "style-src": [SELF, UNSAFE_INLINE],
    "img-src": [SELF, "data:", "blob:"],
}


class SiteCSPMiddleware(CSPMiddleware):
    """Strict CSP for public pages, a looser one for ``/admin/``."""

    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only)
        if (
            not report_only
            and parts.replace is None
            and request.path_info.startswith("/admin/")
        ):
            parts.replace = ADMIN_POLICY
        return parts
