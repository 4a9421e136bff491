from django.core.management.base import BaseCommand

from ...tasks import resume


class Command(BaseCommand):
    help = (
        "Queues newsletter work that is due: scheduled sends whose time has "
        "come, recipients waiting for a retry, rows left by a stopped worker. "
        "Also deletes subscriptions never confirmed within 30 days. "
        "Idempotent; run every few minutes."
    )

    def handle(self, *args, **options):
        result = resume()
        self.stdout.write(
            self.style.SUCCESS(
                "Nyhetsbrev: {started} utskick startade, {resumed} återupptagna, "
                "{finished} avslutade; {purged} obekräftade adresser raderade.".format(
                    **result
                )
            )
        )
