from .calls import GrantCallPage, GrantCallPageQuerySet, in_default_locale
from .funders import Funder, FunderKind
from .help import HELP_REQUEST_RETENTION_DAYS, HelpRequest
from .index import GrantCallIndexPage
from .settings import DEFAULT_CLOSING_SOON_DAYS, GrantSettings, closing_soon_days
from .status import CallStatus, closing_soon_limit, status_at
from .watches import CallWatch

__all__ = [
    "DEFAULT_CLOSING_SOON_DAYS",
    "HELP_REQUEST_RETENTION_DAYS",
    "CallStatus",
    "CallWatch",
    "Funder",
    "FunderKind",
    "GrantCallIndexPage",
    "GrantCallPage",
    "GrantCallPageQuerySet",
    "GrantSettings",
    "HelpRequest",
    "closing_soon_days",
    "closing_soon_limit",
    "in_default_locale",
    "status_at",
]
