from django.core.management.base import BaseCommand

from coordinator.grants.services import purge_grant_data


class Command(BaseCommand):
    help = (
        "Erases help requests done more than a year ago and watches of calls "
        "closed over a month ago. Idempotent; run it daily."
    )

    def handle(self, *args, **options):
        requests, watches = purge_grant_data()
        self.stdout.write(
            self.style.SUCCESS(
                f"{requests} hjälpförfrågningar och {watches} bevakningar raderade."
            )
        )
