from django.core.management.base import BaseCommand

from diseases.editorial.glossary import load_shipped


class Command(BaseCommand):
    help = (
        "Load the glossary's shipped entries (diseases/glossary/entries.py): adds the missing ones and "
        "updates those it loaded before; never touches an entry an editor wrote, changed or deleted. "
        "Safe to run again."
    )

    def handle(self, *args, **options):
        result = load_shipped()
        if options["verbosity"]:
            style = self.style.SUCCESS if result.created or result.updated else str
            self.stdout.write(style(str(result)))
