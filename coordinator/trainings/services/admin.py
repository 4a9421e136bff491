"""The coordinator's actions on a training's participants: attendance and a
message to the confirmed or the waitlisted."""

from __future__ import annotations

from django.db import transaction
from wagtail.log_actions import log

from core.emails import send_templated_email

from ..models import Participant, TrainingEventPage
from .links import EMAIL_DIR, event_url

# Who a message goes to: the coordinator picks one group explicitly.
RECIPIENT_GROUPS = {
    "confirmed": Participant.Status.CONFIRMED,
    "waitlisted": Participant.Status.WAITLISTED,
}


@transaction.atomic
def set_attendance(
    event: TrainingEventPage, attended: dict[int, bool | None], user=None
) -> int:
    """Mark who came (True), who did not (False) or unknown (None), for the
    training's own confirmed participants only. Returns rows changed."""
    changed = 0
    participants = Participant.objects.filter(
        event=event, pk__in=list(attended), status=Participant.Status.CONFIRMED
    )
    for participant in participants:
        value = attended[participant.pk]
        if participant.attended != value:
            participant.attended = value
            participant.save(update_fields=["attended"])
            changed += 1
    if changed:
        log(
            instance=event,
            action="trainings.attendance",
            user=user,
            data={"changed": changed},
        )
    return changed


def recipients(event: TrainingEventPage, group: str) -> list[Participant]:
    return list(
        Participant.objects.filter(
            event=event, status=RECIPIENT_GROUPS[group], anonymised_at__isnull=True
        ).order_by("pk")
    )


def email_participants(
    event: TrainingEventPage, group: str, subject: str, message: str, user=None
) -> int:
    """Queue one email per person in ``group`` ("confirmed" or "waitlisted"),
    each framed in the recipient's language. Returns how many were queued."""
    people = recipients(event, group)
    for participant in people:
        send_templated_email(
            f"{EMAIL_DIR}/message",
            {
                "participant": participant,
                "event": event,
                "subject": subject,
                "message": message,
                "event_url": event_url(event, participant.language),
                "waitlisted": group == "waitlisted",
            },
            to=[participant.email],
            language=participant.language,
        )
    log(
        instance=event,
        action="trainings.emailed",
        user=user,
        data={"group": group, "count": len(people), "subject": subject},
    )
    return len(people)
