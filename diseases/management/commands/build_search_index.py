import time

from django.core.management.base import BaseCommand

from diseases.matching import build_similarity_index
from diseases.search import indexes_are_stale, rebuild_search_index


class Command(BaseCommand):
    help = (
        "Rebuild the search table and the symptom-matching index from the diseases and HPO terms in the "
        "database. import_data runs this at its end; run it by hand after loading data another way."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--if-stale",
            action="store_true",
            help="Do nothing when both indexes exist and are newer than the last data import.",
        )

    def handle(self, *args, if_stale=False, **options):
        if if_stale and not indexes_are_stale():
            if options["verbosity"] > 0:
                self.stdout.write("Search and matching indexes are up to date.")
            return
        started = time.monotonic()
        rows = rebuild_search_index()
        searched = time.monotonic()
        index = build_similarity_index()
        if options["verbosity"] > 0:
            self.stdout.write(
                f"Search index: {rows:,} names, other names and identifiers ({searched - started:.1f} s). "
                f"Matching index: {index.term_count:,} terms, {index.disease_count:,} diseases, "
                f"{index.annotation_count:,} symptom rows ({time.monotonic() - searched:.1f} s)."
            )
