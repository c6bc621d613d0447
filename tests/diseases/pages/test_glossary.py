"""The glossary on pages: the first use on a page of each glossary word opens its explanation."""

import json
import re

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


def glossary_of(rows):
    """A glossary of ``rows`` as ``GlossaryEntry.objects.for_pages()`` gives them (forms as JSON text)."""
    return Glossary(
        [(pk, term, slug, json.dumps(forms), text) for pk, term, slug, forms, text in rows], "test"
    )


def page_glossary(rows=ROWS):
    return glossary_of(rows).for_page()


def buttons(html):
    """The words marked in ``html``, with the entry each opens."""
    return re.findall(
        r'<button type="button" class="glossary-word" popovertarget="glossary-([^"]+)">([^<]*)<', html
    )


def test_a_glossary_word_becomes_a_button_that_opens_its_explanation_in_a_popover():
    html = page_glossary().mark("Severe anemia.")

    assert html == (
        'Severe <button type="button" class="glossary-word" popovertarget="glossary-anemia">anemia</button>'
        '<span class="glossary-tip" id="glossary-anemia" popover>'
        '<strong class="glossary-tip-term">Anemia</strong> Too few red blood cells. '
        '<a href="/glossary/#anemia">More in the glossary</a> '
        '<button type="button" class="glossary-tip-close" popovertarget="glossary-anemia" '
        'popovertargetaction="hide">Close</button></span>.'
    )


def test_only_the_first_use_on_the_page_is_marked_across_its_texts_in_order():
    marks = page_glossary()

    first = marks.mark("Anemia, then anemia again.")
    second = marks.mark("Anaemia and a cleft palate.")

    assert buttons(first) == [("anemia", "Anemia")]
    assert buttons(second) == [("cleft-palate", "cleft palate")]
    assert [entry.term for entry in marks.explained] == ["anemia", "cleft palate"]


def test_each_page_starts_afresh():
    glossary = glossary_of(ROWS)
    glossary.for_page().mark("anemia")

    assert buttons(glossary.for_page().mark("anemia")) == [("anemia", "anemia")]


def test_any_form_of_an_entry_opens_it_as_written_in_the_text():
    assert buttons(page_glossary().mark("Anemic since birth")) == [("anemia", "Anemic")]
    assert buttons(page_glossary().mark("An abnormal Electroencephalogram")) == [
        ("eeg", "Electroencephalogram")
    ]


def test_a_word_inside_a_longer_word_is_not_marked():
    assert buttons(page_glossary().mark("Preanemia, anemias and palatenomy.")) == []


def test_the_longest_form_wins_and_the_words_it_covers_are_not_marked_again():
    assert buttons(page_glossary().mark("Cleft palate and a high palate.")) == [
        ("cleft-palate", "Cleft palate"),
        ("palate", "palate"),
    ]


def test_a_form_with_digits_and_punctuation_is_found():
    assert buttons(page_glossary().mark("The 22q11.2 deletion syndrome")) == [
        ("22q11-2-deletion", "22q11.2 deletion")
    ]


def test_the_text_is_escaped_and_only_our_markup_is_added():
    html = page_glossary().mark('<script>alert("anemia")</script> & <b>palate</b>')

    assert "<script>" not in html and "<b>" not in html
    assert html.startswith("&lt;script&gt;alert(&quot;")
    assert "&amp; &lt;b&gt;" in html
    assert buttons(html) == [("anemia", "anemia"), ("palate", "palate")]


def test_an_entrys_own_text_is_escaped_too():
    rows = [(1, "<b>anemia</b>", "anemia", ["anemia"], 'Low <img src=x onerror="alert(1)"> blood.')]

    html = page_glossary(rows).mark("anemia")

    assert "<img" not in html and "<b>" not in html
    assert "&lt;img src=x onerror=&quot;alert(1)&quot;&gt;" in html


def test_a_form_two_entries_have_stays_with_the_first_and_pages_still_render(caplog):
    rows = [*ROWS, (6, "low blood", "low-blood", ["low blood", "anaemia"], "Written around the services.")]

    assert buttons(page_glossary(rows).mark("Anaemia and low blood")) == [
        ("anemia", "Anaemia"),
        ("low-blood", "low blood"),
    ]
    assert "another entry's too" in caplog.text


def test_the_glossary_lists_its_entries_under_their_letters_in_term_order():
    groups = glossary_of(ROWS).a_to_z()

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
