"""How well the plain summaries do their job, for ``manage.py catalogue_report``: how many published pages
have one, and how easy they are to read (the Flesch–Kincaid grade, from textstat)."""

import statistics
from dataclasses import dataclass

from ..models import Disease
from .build import stored_sentences

# The school grade most summaries must not pass: about age 13, a 12-year-old's reading.
GRADE_GOAL = 8


@dataclass
class SummaryMeasures:
    pages: int  # published pages
    written: int  # with our editors' summary
    made: int  # with sentences made from their facts and no editors' summary
    grades: list  # of the made summaries, sorted

    @property
    def with_summary(self):
        return self.written + self.made

    @property
    def median_grade(self):
        return statistics.median(self.grades) if self.grades else None

    @property
    def grade_95th(self):
        return self.grades[min(len(self.grades) - 1, int(len(self.grades) * 0.95))] if self.grades else None

    @property
    def share_at_goal(self):
        return sum(grade <= GRADE_GOAL for grade in self.grades) / len(self.grades) if self.grades else None


def reading_grade(text: str) -> float:
    # Imported here: textstat reads its pronouncing dictionary when first used, which takes seconds.
    import textstat

    return textstat.flesch_kincaid_grade(text)


def measure_summaries() -> SummaryMeasures:
    published = Disease.objects.published()
    written = published.exclude(summary="").count()
    grades = sorted(
        reading_grade(" ".join(sentence["text"] for sentence in stored_sentences(summary)))
        for summary in published.filter(summary="")
        .exclude(plain_summary={})
        .values_list("plain_summary", flat=True)
    )
    return SummaryMeasures(pages=published.count(), written=written, made=len(grades), grades=grades)
