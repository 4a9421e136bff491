"""schema.org data for a call page: a MonetaryGrant from its funder."""

from __future__ import annotations

from typing import Any

from ..models import FunderKind
from ..selectors import CallCard

FUNDER_TYPES = {
    FunderKind.TOWN: "GovernmentOrganization",
    FunderKind.STATE: "GovernmentOrganization",
    FunderKind.EU: "GovernmentOrganization",
}


def monetary_grant_json_ld(card: CallCard, url: str, currency: str) -> dict[str, Any]:
    page, source = card.page, card.source
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "MonetaryGrant",
        "name": page.title,
        "description": page.summary,
        "url": url,
    }
    if source.funder is not None:
        funder: dict[str, Any] = {
            "@type": FUNDER_TYPES.get(source.funder.kind, "Organization"),
            "name": card.funder_name,
        }
        if source.funder.website:
            funder["url"] = source.funder.website
        data["funder"] = funder
    if source.amount_min is not None or source.amount_max is not None:
        amount: dict[str, Any] = {"@type": "MonetaryAmount", "currency": currency}
        if source.amount_min is not None:
            amount["minValue"] = source.amount_min
        if source.amount_max is not None:
            amount["maxValue"] = source.amount_max
        data["amount"] = amount
    return data
