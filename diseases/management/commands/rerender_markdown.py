from django.core.management.base import BaseCommand

from diseases.editorial.editing import rerender_texts


class Command(BaseCommand):
    help = (
        "Render every page's Markdown to HTML again and store it. Run it after changing diseases/markup.py "
        "(and raising its RENDERER_VERSION); pages show text whose stored HTML is outdated correctly "
        "meanwhile, only more slowly."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--outdated",
            action="store_true",
            help="Only pages whose stored HTML is missing or no longer matches their text or the renderer.",
        )

    def handle(self, *args, outdated=False, **options):
        written = rerender_texts(only_outdated=outdated)
        if options["verbosity"] > 0:
            self.stdout.write(f"Stored the HTML of {written} page{'s' if written != 1 else ''}.")
