import secrets

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand
from django.db import transaction
from wagtail.models import Site

from core import hooks
from home.services import COORDINATOR_GROUP, ensure_coordinator_group

DEMO_USERNAME = "koordinator"


def _seeders():
    return sorted(hooks.collect(hooks.DEMO_SEEDERS), key=lambda seeder: seeder.order)


class Command(BaseCommand):
    help = (
        "Loads idempotent demo content (every app adds its own through the "
        "DEMO_SEEDERS hook) and a demo coordinator login."
    )

    def add_arguments(self, parser):
        for seeder in _seeders():
            for option in seeder.options:
                parser.add_argument(
                    f"--{option.name}",
                    type=option.type,
                    default=option.default,
                    help=option.help,
                )
        parser.add_argument("--seed", type=int, default=2026, help="Random seed.")
        parser.add_argument(
            "--reset-password",
            action="store_true",
            help=f"Give the {DEMO_USERNAME!r} account a new random password.",
        )

    def handle(self, *args, **options):
        for seeder in _seeders():
            with transaction.atomic():
                line = seeder.run(options, self.stdout)
            if line:
                self.stdout.write(self.style.SUCCESS(line))
        root = Site.objects.get(is_default_site=True).root_page
        group = ensure_coordinator_group(root)
        self._ensure_user(group, reset=options["reset_password"])

    def _ensure_user(self, group, reset: bool) -> None:
        User = get_user_model()
        user, created = User.objects.get_or_create(
            username=DEMO_USERNAME,
            defaults={
                "first_name": "Maria",
                "last_name": "Lindqvist",
                "email": "foreningar@exempelstad.example",
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
                    f"Kontot hör till gruppen {COORDINATOR_GROUP!r}. "
                    "Lösenordet visas bara nu."
                )
            )
        else:
            self.stdout.write(
                f"Kontot {DEMO_USERNAME!r} finns redan. Ett nytt lösenord får du med "
                "`python manage.py seed_demo --reset-password`."
            )
