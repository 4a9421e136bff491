from django.core.management.base import BaseCommand

from coordinator.trainings.services import send_event_reminders, training_settings


class Command(BaseCommand):
    help = (
        "Emails each confirmed participant one reminder before a training starts "
        "(days set in Inställningar → Utbildningar och kalender, default 2). "
        "Idempotent: run it hourly or daily; nobody gets a second reminder."
    )

    def handle(self, *args, **options):
        sent = send_event_reminders()
        days = training_settings().reminder_days_before
        self.stdout.write(
            self.style.SUCCESS(
                f"{sent} påminnelser skickade (utbildningar inom {days} dagar)."
            )
        )
