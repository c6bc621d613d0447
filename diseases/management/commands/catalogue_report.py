from django.core.management.base import BaseCommand

from diseases.glossary.words import coverage
from diseases.models import (
    Annotation,
    Disease,
    DiseaseDefinition,
    DiseaseFamily,
    ExternalIdentifier,
    listed_symptom,
)
from diseases.pages.glossary import Glossary, page_word_counts
from diseases.pages.types import overviews_for
from diseases.plain.measure import GRADE_GOAL, measure_summaries

RECORD_SOURCES = ["GARD", "ORPHA", "OMIM", "DECIPHER"]


class Command(BaseCommand):
    help = (
        "How complete the published catalogue is: definitions, genes, pages showing only names, the "
        "glossary's coverage, merging."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--compare-merging",
            action="store_true",
            help="Also merge the data files with names alone, to count the pages Mondo joined (slower).",
        )

    def handle(self, *args, compare_merging=False, **options):
        published = Disease.objects.published()
        total = published.count()
        if not total:
            self.stdout.write("No published pages.")
            return
        # A subquery of page ids, not a join made distinct: SQLite took most of a minute over that.
        with_definition = published.filter(
            pk__in=DiseaseDefinition.objects.shown().values("disease_id")
        ).count()
        with_text = published.with_written_content().count()
        with_genes = published.filter(gene_links__isnull=False).distinct().count()
        names_only = published.showing_only_names().count()
        records = ExternalIdentifier.objects.filter(source__in=RECORD_SOURCES, disease__in=published)
        joined = ExternalIdentifier.JoinedBy
        by_mondo = records.filter(joined_by=joined.MONDO).count()
        gard_by_name = ExternalIdentifier.objects.filter(
            source="MONDO", joined_by=joined.MONDO_NAME, disease__in=published
        ).count()
        lines = [
            f"Published pages: {total:,}",
            f"With a definition: {with_definition:,} ({with_definition / total:.1%}); "
            f"with an editor's text: {with_text:,}",
            f"With genes: {with_genes:,} ({with_genes / total:.1%})",
            f"Showing nothing but names: {names_only:,} ({names_only / total:.1%})",
            f"Records on a page because Mondo says so: {by_mondo:,}; pages tied to Mondo by a GARD name: "
            f"{gard_by_name:,}",
            *self.plain_summaries(),
            self.groups(published),
            self.glossary_coverage(),
        ]
        if compare_merging:
            lines.append(self.merging_comparison())
        self.stdout.write("\n".join(lines))

    def plain_summaries(self):
        measures = measure_summaries()
        lines = [
            f"In plain words: {measures.with_summary:,} pages ({measures.with_summary / measures.pages:.1%}): "
            f"{measures.written:,} by our editors, {measures.made:,} made from their facts"
        ]
        if measures.grades:
            lines.append(
                f"Reading grade of the made summaries (Flesch-Kincaid): median {measures.median_grade:.1f}, "
                f"95th percentile {measures.grade_95th:.1f}; at grade {GRADE_GOAL} or below: "
                f"{measures.share_at_goal:.1%}"
            )
        return lines

    def groups(self, published):
        """Group pages with no symptom rows of their own, and how many of them show their types' instead:
        what the page shows, counted as ``pages.types`` gathers it."""
        pages = list(published.values_list("pk", flat=True))
        types_of = DiseaseFamily.objects.published_types(pages)
        with_rows = set(
            Annotation.objects.filter(listed_symptom()).values_list("disease_id", flat=True).distinct()
        )
        bare = [group for group in types_of if group not in with_rows]
        types_have_rows = [
            group for group in bare if any(type_id in with_rows for type_id in types_of[group])
        ]
        # What those pages show, gathered by the code that builds them.
        overviews = overviews_for([Disease(pk=group) for group in types_have_rows])
        shown = [group for group in types_have_rows if group in overviews and overviews[group].symptoms]
        return (
            f"Group pages: {len(types_of):,}; without symptoms of their own: {len(bare):,}, of which "
            f"{len(types_have_rows):,} have types with symptoms and show theirs; group pages without "
            f"symptoms while a type has them: {len(types_have_rows) - len(shown):,}"
        )

    def glossary_coverage(self):
        """The share of technical-word uses in published pages' definitions and symptom names that the
        glossary in the database explains (what pages show; ``glossary_report`` measures the shipped list)."""
        entries = Glossary.current().entries
        counted = page_word_counts()
        uses = sum(counted.counts.values())
        line = (
            f"Glossary coverage: {coverage(counted.counts, entries):.1%} of {uses:,} technical-word uses in "
            f"definitions and symptom names have an explanation ({len(entries):,} entries)"
        )
        if not entries:
            line += "; load them with manage.py load_glossary"
        return line

    def merging_comparison(self):
        from diseases.importer.merging import merge
        from diseases.importer.progress import Progress
        from diseases.importer.run import Source, open_files, parse_all

        parsed = parse_all(open_files({}), Progress())
        by_name = len(merge(parsed[Source.GARD], parsed[Source.HPOA]))
        with_mondo = len(
            merge(
                parsed[Source.GARD],
                parsed[Source.HPOA],
                mondo=parsed[Source.MONDO],
                xrefs=parsed[Source.MONDO_XREFS],
            )
        )
        return (
            f"Pages from the files: {by_name:,} by names alone, {with_mondo:,} with Mondo "
            f"({by_name - with_mondo:,} fewer: records Mondo joined)"
        )
