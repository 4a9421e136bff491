"""schema.org data for the association's profile page."""

from __future__ import annotations

import json
import logging
from typing import Any

from django.core.serializers.json import DjangoJSONEncoder
from wagtail.images.models import SourceImageIOError

from .models import LOGO_SPEC, AssociationPage

logger = logging.getLogger(__name__)


def organization_json_ld(
    association: AssociationPage, url: str, terms: dict[str, list[dict[str, Any]]]
) -> dict[str, Any]:
    """schema.org Organization for the profile page."""
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "Organization",
        "name": association.title,
        "url": url,
        "description": association.short_description,
    }
    if association.org_id:
        data["identifier"] = {
            "@type": "PropertyValue",
            "propertyID": association.get_org_id_kind_display(),
            "value": association.org_id,
        }
    if association.founded_year:
        data["foundingDate"] = str(association.founded_year)
    if association.public_email:
        data["email"] = association.public_email
    if association.public_phone:
        data["telephone"] = association.public_phone
    if association.street_address or association.postcode or association.town:
        address = {
            "@type": "PostalAddress",
            "streetAddress": association.street_address,
            "postalCode": association.postcode,
            "addressLocality": association.town,
        }
        data["address"] = {key: value for key, value in address.items() if value}
    if association.latitude is not None and association.longitude is not None:
        data["location"] = {
            "@type": "Place",
            "name": association.meeting_place_name or association.title,
            "geo": {
                "@type": "GeoCoordinates",
                "latitude": float(association.latitude),
                "longitude": float(association.longitude),
            },
        }
    if association.public_email or association.public_phone:
        contact = {"@type": "ContactPoint", "contactType": "general"}
        if association.public_email:
            contact["email"] = association.public_email
        if association.public_phone:
            contact["telephone"] = association.public_phone
        languages = [t["code"] or t["label"] for t in terms.get("languages", [])]
        if languages:
            contact["availableLanguage"] = languages
        data["contactPoint"] = contact
    same_as = [
        value
        for value in (
            association.website,
            association.facebook_url,
            association.instagram_url,
            association.other_social_url,
        )
        if value
    ]
    if same_as:
        data["sameAs"] = same_as
    logo_url = _logo_url(association)
    if logo_url:
        data["logo"] = logo_url
    return data


def _logo_url(association: AssociationPage) -> str:
    """The logo rendition's address; "" when the image file is missing (the
    page must still render)."""
    if not association.logo_id:
        return ""
    try:
        return association.logo.get_rendition(LOGO_SPEC).full_url
    except (SourceImageIOError, OSError, ValueError):
        logger.warning(
            "Logo image %s of association %s is missing or unreadable.",
            association.logo_id,
            association.pk,
        )
        return ""


_JSON_ESCAPES = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}


def json_ld_text(data: dict[str, Any]) -> str:
    """JSON for a ``<script type="application/ld+json">`` block, escaped like
    Django's ``json_script`` so no value can close the script element."""
    return json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False).translate(
        _JSON_ESCAPES
    )
