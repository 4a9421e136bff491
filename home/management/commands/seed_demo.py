import secrets

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand
from django.db import transaction

from home.demo import seed_site
from home.services import ensure_coordinator_group

DEMO_USERNAME = "koordinator"


class Command(BaseCommand):
    help = "Loads idempotent Swedish demo content and a demo coordinator login."

    def add_arguments(self, parser):
        parser.add_argument(
            "--associations",
            type=int,
            default=40,
            help="Number of demo associations (default 40; 10 000 takes under a minute).",
        )
        parser.add_argument(
            "--subscribers", type=int, default=0, help="Number of demo subscribers."
        )
        parser.add_argument("--seed", type=int, default=2026, help="Random seed.")
        parser.add_argument(
            "--reset-password",
            action="store_true",
            help=f"Give the {DEMO_USERNAME!r} account a new random password.",
        )

    def handle(self, *args, **options):
        with transaction.atomic():
            pages = seed_site()
            group = ensure_coordinator_group(pages["home"])
        self.stdout.write(
            self.style.SUCCESS("Webbplatsens sidor och inställningar är klara.")
        )

        for name, count in self._extra_seeders(options):
            self.stdout.write(name(count, seed=options["seed"], stdout=self.stdout))

        from foreningar.selfservice.demo import ensure_registration_page

        if ensure_registration_page() is not None:
            self.stdout.write("Registreringssidan och granskningsflödet är klara.")

        self._ensure_user(group, reset=options["reset_password"])

    def _extra_seeders(self, options):
        """Bulk content owned by other apps; reported as not applicable until
        that app provides its seeder."""
        seeders = []
        for option, dotted in (
            ("associations", "foreningar.demo.seed_associations"),
            ("subscribers", "coordinator.demo.seed_subscribers"),
        ):
            count = options[option]
            if not count:
                continue
            module_name, func_name = dotted.rsplit(".", 1)
            try:
                module = __import__(module_name, fromlist=[func_name])
                seeders.append((getattr(module, func_name), count))
            except (ImportError, AttributeError):
                self.stdout.write(
                    self.style.WARNING(
                        f"--{option} {count}: inte tillämpligt ännu (ingen demodata "
                        f"för {option} i den här versionen)."
                    )
                )
        return seeders

    def _ensure_user(self, group, reset: bool) -> None:
        User = get_user_model()
        user, created = User.objects.get_or_create(
            username=DEMO_USERNAME,
            defaults={
                "first_name": "Maria",
                "last_name": "Lindqvist",
                "email": "foreningar@exempelstad.se",
            },
        )
        user.groups.add(group)
        if created or reset:
            password = secrets.token_urlsafe(12)
            user.set_password(password)
            user.save()
            self.stdout.write(
                self.style.SUCCESS(
                    "\nInloggning till administrationen: "
                    f"{settings.SITE_URL}/admin/\n"
                    f"  användarnamn: {DEMO_USERNAME}\n  lösenord:     {password}\n"
                    "Lösenordet visas bara nu."
                )
            )
        else:
            self.stdout.write(
                f"Kontot {DEMO_USERNAME!r} finns redan. Ett nytt lösenord får du med "
                "`python manage.py seed_demo --reset-password`."
            )
