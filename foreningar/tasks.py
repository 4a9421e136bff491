"""Background work of the register."""

from __future__ import annotations

from django_tasks import task

from . import services
from .models import AssociationRegistrationPage


@task()
def rebuild_directory() -> int:
    """Recompute the read model (after vocabulary or view-restriction edits,
    which can touch thousands of associations)."""
    return services.rebuild_directory()


# Requests that name an email address are answered the same way, in the same
# time, whether or not the address is known: the view always enqueues one of
# these and the worker finds out.


@task()
def send_login_link(email: str) -> None:
    services.request_login_link(email)


@task()
def resend_verification(email: str, registration_page_id: int) -> None:
    page = AssociationRegistrationPage.objects.filter(pk=registration_page_id).first()
    if page is not None:
        services.resend_verification(email, page)
