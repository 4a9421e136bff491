"""RFC 8058 one-click unsubscribe at the address in ``List-Unsubscribe``.

Mail programs POST ``List-Unsubscribe=One-Click`` here without cookies or a
CSRF token, so the view is CSRF-exempt; the signed token in the address is
the proof. A POST is idempotent and answers 200. A GET (someone clicking the
link in the footer) only shows a button: link scanners must not unsubscribe
anyone."""

from __future__ import annotations

from django.template.response import TemplateResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from core.i18n import current_language
from core.links import LinkError

from .. import services
from ..forms import PreferencesLinkForm
from ..selectors import archive_for_language


@csrf_exempt
@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def one_click(request, token: str):
    language = current_language()
    archive = archive_for_language(language)
    urls = services.SubscriberUrls(language, archive)
    context = {"archive_url": urls.archive(), "action": urls.new_link()}
    try:
        if request.method == "POST":
            services.unsubscribe_with_token(token)
            return TemplateResponse(request, "newsletters/unsubscribed.html", context)
        services.subscriber_for_preferences(token)
    except LinkError as error:
        context.update(
            reason=error.reason, kind="unsubscribe", form=PreferencesLinkForm()
        )
        return TemplateResponse(
            request, "newsletters/link_error.html", context, status=error.status
        )
    return TemplateResponse(request, "newsletters/one_click.html", context)
