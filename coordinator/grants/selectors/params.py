"""The grants list's GET parameters, cleaned. Nothing here raises: bad input
becomes a notice for the reader and the filter is dropped."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field

from django.db.models import Q
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core.params import clean_text, parse_page_number

from ..models import FunderKind, GrantCallPage
from .amounts import format_amount

PURPOSE_PARAM = "verksamhet"
TARGET_PARAM = "malgrupp"
FUNDER_PARAM = "finansiar"
AMOUNT_PARAM = "belopp"
ARCHIVE_PAGE_SIZE = 20
_SLUG_RE = re.compile(r"^[-a-z0-9_]{1,80}$")

# Amount brackets: (lowest, highest) one applicant asks for; a call fits
# when the amounts it gives overlap the bracket.
AMOUNTS: dict[str, tuple[int | None, int | None]] = {
    "upp-till-2000": (None, 2000),
    "2000-10000": (2000, 10000),
    "over-10000": (10000, None),
}

FILTER_LABELS = {
    PURPOSE_PARAM: gettext_lazy("Ändamål"),
    TARGET_PARAM: gettext_lazy("Målgrupp"),
    FUNDER_PARAM: gettext_lazy("Finansiär"),
    AMOUNT_PARAM: gettext_lazy("Belopp"),
}


def amount_label(key: str) -> str:
    low, high = AMOUNTS[key]
    if low is None:
        return _("Upp till %(amount)s") % {"amount": format_amount(high)}
    if high is None:
        return _("Över %(amount)s") % {"amount": format_amount(low)}
    return _("%(low)s–%(high)s") % {
        "low": format_amount(low),
        "high": format_amount(high),
    }


@dataclass
class CallParams:
    purpose: str = ""
    target: str = ""
    funder_kind: str = ""
    amount: str = ""
    page: int = 1
    notices: list[str] = field(default_factory=list)

    @property
    def is_filtered(self) -> bool:
        return bool(self.purpose or self.target or self.funder_kind or self.amount)

    def as_query(self, drop: str = "") -> list[tuple[str, str]]:
        """The active filters as (param, value) pairs, without ``drop``."""
        pairs = [
            (PURPOSE_PARAM, self.purpose),
            (TARGET_PARAM, self.target),
            (FUNDER_PARAM, self.funder_kind),
            (AMOUNT_PARAM, self.amount),
        ]
        return [(key, value) for key, value in pairs if value and key != drop]


def _unknown(param: str) -> str:
    return _("Filtret för %(filter)s känns inte igen och har tagits bort.") % {
        "filter": str(FILTER_LABELS[param]).lower()
    }


def parse_params(data: Mapping[str, str]) -> CallParams:
    params = CallParams()
    for param, attribute in ((PURPOSE_PARAM, "purpose"), (TARGET_PARAM, "target")):
        value = clean_text(data.get(param, "") or "", 80).lower()
        if not value:
            continue
        if _SLUG_RE.match(value):
            setattr(params, attribute, value)
        else:
            params.notices.append(_unknown(param))
    kind = clean_text(data.get(FUNDER_PARAM, "") or "", 20)
    if kind in FunderKind.values:
        params.funder_kind = kind
    elif kind:
        params.notices.append(_unknown(FUNDER_PARAM))
    amount = clean_text(data.get(AMOUNT_PARAM, "") or "", 20)
    if amount in AMOUNTS:
        params.amount = amount
    elif amount:
        params.notices.append(_unknown(AMOUNT_PARAM))
    params.page = parse_page_number(data.get("page"))
    return params


def filter_condition(params: CallParams) -> Q:
    """The active filters as one condition on GrantCallPage."""
    condition = Q()
    if params.purpose:
        condition &= Q(
            pk__in=GrantCallPage.purposes.through.objects.filter(
                activityarea__slug=params.purpose
            ).values("grantcallpage_id")
        )
    if params.target:
        condition &= Q(
            pk__in=GrantCallPage.target_groups.through.objects.filter(
                targetgroup__slug=params.target
            ).values("grantcallpage_id")
        )
    if params.funder_kind:
        condition &= Q(funder__kind=params.funder_kind)
    if params.amount:
        low, high = AMOUNTS[params.amount]
        if low is not None:
            condition &= Q(amount_max__isnull=True) | Q(amount_max__gte=low)
        if high is not None:
            condition &= Q(amount_min__isnull=True) | Q(amount_min__lte=high)
    return condition
