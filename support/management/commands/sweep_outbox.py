from django.core.management.base import BaseCommand

from support.tasks import sweep_outbox


class Command(BaseCommand):
    help = (
        "Queue again any undelivered mail whose delivery task was lost (for example after a crash). "
        "Retries normally schedule themselves; run this every few minutes as a safety net."
    )

    def handle(self, *args, **options):
        self.stdout.write(f"Queued {sweep_outbox()} undelivered message(s).")
