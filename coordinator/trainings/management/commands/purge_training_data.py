from django.core.management.base import BaseCommand

from coordinator.trainings.services import purge_personal_data, training_settings


class Command(BaseCommand):
    help = (
        "Anonymises the participants of trainings that ended more than the "
        "retention time ago (Inställningar → Utbildningar och kalender, default "
        "180 days): names, addresses and needs go, the counts stay. Idempotent."
    )

    def handle(self, *args, **options):
        count = purge_personal_data()
        days = training_settings().retention_days
        self.stdout.write(
            self.style.SUCCESS(
                f"{count} deltagare anonymiserade (utbildningar som slutade för mer "
                f"än {days} dagar sedan)."
            )
        )
