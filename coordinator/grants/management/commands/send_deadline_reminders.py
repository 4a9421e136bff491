from django.core.management.base import BaseCommand

from coordinator.grants.services import send_deadline_reminders


class Command(BaseCommand):
    help = (
        "Emails representatives who watch a grant call 7 days and 1 day before "
        "its deadline. Each reminder is sent once, however often (or in "
        "parallel) this runs; run it hourly."
    )

    def handle(self, *args, **options):
        sent = send_deadline_reminders()
        self.stdout.write(self.style.SUCCESS(f"{sent} påminnelser skickade."))
