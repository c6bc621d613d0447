"""The glossary as pages show it."""

import pytest

from diseases.editorial import glossary as services
from diseases.glossary.entries import Entry
from diseases.models import GlossaryEntry
from diseases.pages.glossary import Glossary

ROWS = [
    (1, "anemia", "anemia", ["anemia", "anaemia", "anemic"], "Too few red blood cells."),
    (2, "cleft palate", "cleft-palate", ["cleft palate"], "A gap in the roof of the mouth."),
    (3, "palate", "palate", ["palate"], "The roof of the mouth."),
    (4, "EEG", "eeg", ["eeg", "electroencephalogram"], "A test that records the brain's signals."),
    (
        5,
        "22q11.2 deletion",
        "22q11-2-deletion",
        ["22q11.2 deletion"],
        "A small piece missing from one chromosome.",
    ),
]


def test_the_glossary_lists_its_entries_under_their_letters_in_term_order():
    groups = Glossary(ROWS, "test").a_to_z()

    assert [(group.letter, [entry.term for entry in group.entries]) for group in groups] == [
        ("0-9", ["22q11.2 deletion"]),
        ("A", ["anemia"]),
        ("C", ["cleft palate"]),
        ("E", ["EEG"]),
        ("P", ["palate"]),
    ]
    assert groups[0].anchor == "letter-0-9"


@pytest.mark.django_db
def test_the_current_glossary_is_built_once_per_set_of_entries(django_assert_num_queries, editor):
    services.load_shipped([Entry("anemia", ("anemia",), "Too few red blood cells in the blood.")])
    with django_assert_num_queries(1):
        first = Glossary.current()

    assert Glossary.current() is first
    entry = GlossaryEntry.objects.get()
    services.save_entry(
        entry=entry,
        term="anemia",
        forms=[],
        explanation="Fewer red blood cells than usual.",
        acting_user=editor,
    )
    changed = Glossary.current()
    assert changed is not first and changed.version != first.version
    assert changed.entries[0].explanation == "Fewer red blood cells than usual."
