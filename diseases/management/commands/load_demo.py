from django.core.management.base import BaseCommand

from diseases.demo import load_disease_content
from diseases.demo_content import ALPS


class Command(BaseCommand):
    help = "Load the fully written demo page (autoimmune lymphoproliferative syndrome). Safe to run again."

    def add_arguments(self, parser):
        parser.add_argument(
            "--overwrite",
            action="store_true",
            help="Replace the page's written content even if editors changed it.",
        )

    def handle(self, *args, overwrite=False, **options):
        disease, written = load_disease_content(content=ALPS, overwrite=overwrite)
        if written:
            self.stdout.write(self.style.SUCCESS(f"Loaded the demo page: {disease.get_absolute_url()}"))
        else:
            self.stdout.write(
                f"The demo page already has written content; left unchanged: {disease.get_absolute_url()}"
            )
