from django.core.management.base import BaseCommand

from support.services import purge_expired_requests


class Command(BaseCommand):
    help = (
        "Erase the personal details of unverified requests past their expiry and of requests closed "
        "longer ago than the retention period. Safe to run as often as you like; run it daily."
    )

    def handle(self, *args, **options):
        counts = purge_expired_requests()
        self.stdout.write(
            f"Anonymised {counts['expired']} expired unverified request(s) "
            f"and {counts['closed']} closed request(s) past the retention period."
        )
