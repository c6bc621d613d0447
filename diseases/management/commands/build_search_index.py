from django.core.management.base import BaseCommand

from diseases.importer.run import rebuild_indexes
from diseases.importer.summary import Summary


class Command(BaseCommand):
    help = (
        "Rebuild the search table and the symptom-matching index from the diseases and HPO terms in the "
        "database. import_data does this itself; run it by hand after loading data another way."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--if-stale",
            action="store_true",
            help="Do nothing when both indexes exist and are newer than the last data import.",
        )

    def handle(self, *args, if_stale=False, **options):
        summary = Summary()
        rebuild_indexes(summary, only_if_stale=if_stale)
        if options["verbosity"] > 0:
            self.stdout.write(summary.index_report())
