from collections import Counter

from django.core.management.base import BaseCommand
from django.db.models import Count

from diseases.glossary.entries import ENTRIES
from diseases.glossary.words import count_technical_words, coverage, explained_words
from diseases.models import Annotation, Disease, DiseaseDefinition


class Command(BaseCommand):
    help = (
        "Counts the technical words readers meet on published pages (each page's first definition and "
        "its symptom names) and how many of their uses the glossary explains."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--top", type=int, default=50, help="How many of the most used technical words to list (50)."
        )

    def handle(self, *args, top=50, **options):
        published = Disease.objects.published()
        definitions = list(first_definitions(published))
        counts = count_technical_words(definitions)
        symptom_rows = 0
        # A symptom name is read once on every page that lists it: count each name once, then weigh it.
        names = (
            Annotation.objects.filter(is_hidden=False, disease__in=published)
            .values("phenotype_id")
            .annotate(rows=Count("pk"))
            .order_by()
            .values_list("phenotype__name", "rows")
        )
        for name, rows in names.iterator():
            symptom_rows += rows
            for word, uses in count_technical_words([name]).items():
                counts[word] += uses * rows
        self.stdout.write(self.report(counts, len(definitions), symptom_rows, top))

    def report(self, counts: Counter, definitions: int, symptom_rows: int, top: int) -> str:
        explained = explained_words(ENTRIES)
        uses = sum(counts.values())
        lines = [
            f"Texts counted: {definitions + symptom_rows:,} ({definitions:,} definitions, "
            f"{symptom_rows:,} symptom rows)",
            f"Technical-word uses: {uses:,} ({len(counts):,} different words)",
            f"Glossary: {len(ENTRIES):,} entries explain {coverage(counts, ENTRIES):.1%} of those uses",
        ]
        if top > 0 and counts:
            lines.append("Most used technical words (* has no entry):")
            width = max(len(word) for word, _ in counts.most_common(top))
            for rank, (word, n) in enumerate(counts.most_common(top), 1):
                mark = " " if word in explained else "*"
                lines.append(f"{rank:>4}. {mark} {word:<{width}} {n:>9,}")
        return "\n".join(lines)


def first_definitions(published):
    """The definition readers see on each published page: its first that is not hidden."""
    rows = (
        DiseaseDefinition.objects.filter(is_hidden=False, disease__in=published)
        .order_by("disease_id", "position", "pk")
        .values_list("disease_id", "text")
    )
    previous = None
    for disease_id, text in rows.iterator():
        if disease_id != previous:
            previous = disease_id
            yield text
