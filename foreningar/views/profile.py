"""The association's public profile (context of AssociationPage)."""

from __future__ import annotations

from typing import Any
from urllib.parse import quote

from django.http import HttpRequest
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext as _

from core import hooks as fnavet_hooks
from core.i18n import attach_locale, foreign_language, page_url
from core.pages import context_provider
from home.models import SiteSettings

from .. import hooks
from ..caching import REGISTER, VOCABULARY
from ..jsonld import organization_json_ld
from ..models import AssociationPage
from ..selectors import profile_terms, related_associations


@context_provider(AssociationPage)
def profile_context(
    request: HttpRequest, association: AssociationPage
) -> dict[str, Any]:
    """The profile's context. What needs queries is lazy: the page's body is a
    cached fragment (varied on the page, the language and the register), so
    on a warm cache none of it is computed."""
    attach_locale(association)
    index_page = association.get_parent()
    index_url = page_url(index_page, request) if index_page else "/"
    profile_url = f"{index_url}{association.slug}/"
    terms = SimpleLazyObject(lambda: profile_terms(association))
    return {
        "terms": terms,
        "keywords": SimpleLazyObject(lambda: list(association.keywords.all())),
        "related": SimpleLazyObject(
            lambda: [
                {"page": other, "url": f"{index_url}{other.slug}/"}
                for other in related_associations(association, terms)
            ]
        ),
        "index_url": index_url,
        "profile_url": profile_url,
        "content_lang": foreign_language(association),
        "lang_marked_inline": True,
        "report_url": SimpleLazyObject(
            lambda: _report_url(
                SiteSettings.for_request(request).email,
                association,
                request,
                profile_url,
            )
        ),
        "json_ld": SimpleLazyObject(
            lambda: organization_json_ld(
                association, request.build_absolute_uri(profile_url), terms
            )
        ),
        "register_generation": REGISTER.value,
        "vocabulary_generation": VOCABULARY.value,
        # Sections other apps add (foreningar.hooks.PROFILE_SECTIONS).
        "sections": [
            html
            for html in fnavet_hooks.collect(
                hooks.PROFILE_SECTIONS, request, association
            )
            if html
        ],
    }


def _report_url(
    email: str, association: AssociationPage, request: HttpRequest, url: str
) -> str:
    if not email:
        return ""
    subject = _("Inaktuella uppgifter: %(name)s") % {"name": association.title}
    body = _("Sidan: %(url)s\n\nDet här stämmer inte längre:\n") % {
        "url": request.build_absolute_uri(url)
    }
    return f"mailto:{email}?subject={quote(subject)}&body={quote(body)}"
