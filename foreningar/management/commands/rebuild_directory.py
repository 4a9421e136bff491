from django.core.management.base import BaseCommand

from foreningar.services import rebuild_directory


class Command(BaseCommand):
    help = (
        "Recomputes the register's read model (the directory's rows and facet "
        "counts) from the pages. The site keeps it up to date by itself; run this "
        "after importing associations directly into the database."
    )

    def handle(self, *args, **options):
        count = rebuild_directory()
        self.stdout.write(
            self.style.SUCCESS(f"Föreningskatalogen byggd: {count} publika föreningar.")
        )
