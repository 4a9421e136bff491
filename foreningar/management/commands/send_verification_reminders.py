from django.core.management.base import BaseCommand

from foreningar.selectors.selfservice import verify_after_days
from foreningar.services import (
    purge_expired_invitations,
    purge_unconfirmed_applications,
    send_verification_reminders,
)


class Command(BaseCommand):
    help = (
        "Emails the representatives of associations whose data has not been "
        "confirmed for FORENINGAR_VERIFY_AFTER_DAYS (at most once per 30 days per "
        "association), deletes unconfirmed registrations older than 30 days and "
        "invitations nobody accepted in time. "
        "Safe to run daily from cron."
    )

    def handle(self, *args, **options):
        reminded = send_verification_reminders()
        purged = purge_unconfirmed_applications()
        invitations = purge_expired_invitations()
        self.stdout.write(
            self.style.SUCCESS(
                f"Påminnelser skickade för {reminded} föreningar (ej bekräftade på "
                f"{verify_after_days()} dagar). {purged} obekräftade ansökningar och "
                f"{invitations} utgångna inbjudningar raderade."
            )
        )
