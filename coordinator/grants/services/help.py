"""Få hjälp att söka: a question to the coordinator about a call, stored
with the consent given, emailed to the coordinator, with a receipt to the
person who asked in their language."""

from __future__ import annotations

from dataclasses import dataclass

from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from wagtail.log_actions import log

from core.emails import send_templated_email
from core.i18n import default_language, page_language
from foreningar.models import AssociationPage, Representative

from ..models import GrantCallIndexPage, GrantCallPage, HelpRequest
from ..selectors import help_request_recipients
from .links import absolute_url, call_url


@dataclass
class HelpQuestion:
    name: str
    email: str
    phone: str
    question: str
    contact_method: str
    association: AssociationPage | None = None
    association_name: str = ""


@transaction.atomic
def submit_help_request(
    call: GrantCallPage,
    question: HelpQuestion,
    *,
    index_page: GrantCallIndexPage,
    language: str,
    representative: Representative | None = None,
) -> HelpRequest:
    """Store the request and send both emails (queued with it)."""
    association_name = question.association_name
    if question.association is not None:
        association_name = question.association.title
    record = HelpRequest.objects.create(
        call=call,
        call_title=call.title,
        name=question.name,
        email=question.email.strip().lower(),
        phone=question.phone,
        association=question.association,
        association_name=association_name,
        question=question.question,
        contact_method=question.contact_method,
        language=language,
        representative=representative,
        consent_version=index_page.privacy_version,
        consent_text_hash=index_page.privacy_text_hash,
        consent_language=page_language(index_page),
        consented_at=timezone.now(),
    )
    log(
        instance=call,
        action="grants.help_requested",
        data={"help_request_id": record.pk},
    )
    recipients = help_request_recipients()
    if recipients:
        send_templated_email(
            "grants/emails/help_request",
            {
                "help_request": record,
                "call_url": call_url(call, default_language()),
                "admin_url": absolute_url(
                    reverse("grants_help_requests:edit", args=[record.pk])
                ),
            },
            to=recipients,
            language=default_language(),
            reply_to=[record.email],
        )
    send_templated_email(
        "grants/emails/help_request_receipt",
        {"help_request": record, "call_url": call_url(call, language)},
        to=[record.email],
        language=language,
    )
    return record
