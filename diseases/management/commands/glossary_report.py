from collections import Counter

from django.core.management.base import BaseCommand

from diseases.glossary.entries import ENTRIES
from diseases.glossary.words import coverage, explained_words
from diseases.pages.glossary import page_word_counts


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
        counted = page_word_counts()
        self.stdout.write(self.report(counted.counts, counted.definitions, counted.symptom_rows, top))

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
