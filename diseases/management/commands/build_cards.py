from django.core.management.base import BaseCommand, CommandError

from diseases import cards
from diseases.freshness import content_changed
from diseases.models import Disease


class Command(BaseCommand):
    help = (
        "Draw the share card (og:image) of every published page that has none yet, and the site's own "
        "card, into CARDS_ROOT. make serve runs it before starting; the first run on the full catalogue "
        "takes a few minutes, later runs only draw what is new."
    )

    def handle(self, *args, **options):
        try:
            drawn = int(cards.make_site_card())
        except cards.CardError as error:
            raise CommandError(str(error)) from error
        cannot = []
        for disease in (
            Disease.objects.published().only("name", "slug").order_by("pk").iterator(chunk_size=2000)
        ):
            try:
                drawn += cards.make_card(disease)
            except cards.CardError as error:
                cannot.append(f"{disease.slug}: {error}")
        if drawn:
            content_changed()  # cached pages showed the site's card, or none, where there is one now
        if options["verbosity"] > 0:
            self.stdout.write(
                f"Drew {drawn} share card{'s' if drawn != 1 else ''} into {cards.card_path('')}."
            )
            for line in cannot:
                self.stdout.write(f"No card (the site's is shown instead) for {line}")
