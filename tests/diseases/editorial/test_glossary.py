import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.management import call_command

from diseases import freshness
from diseases.editorial import glossary
from diseases.glossary.entries import ENTRIES, Entry
from diseases.models import GlossaryEntry

pytestmark = pytest.mark.django_db

SHIPPED, EDITOR = GlossaryEntry.Origin.SHIPPED, GlossaryEntry.Origin.EDITOR
ANEMIA = Entry("anemia", ("anemia", "anaemia"), "Too few red blood cells, so the body gets less oxygen.")
CLEFT = Entry("cleft", ("cleft",), "A gap or split in a part of the body that did not join up before birth.")


def new_entry(
    user, term="spleen", forms=(), explanation="An organ on the left of the belly that cleans the blood."
):
    return glossary.save_entry(
        entry=GlossaryEntry(), term=term, forms=list(forms), explanation=explanation, acting_user=user
    )


def generation():
    return freshness.current_token()  # as a page would read it: a later write moves it again


# Editors' writes


def test_an_editor_adds_an_entry_and_its_history_names_them(editor):
    entry = new_entry(editor, "Spleen", ["spleens", "splenic"])

    stored = GlossaryEntry.objects.get(pk=entry.pk)
    assert (stored.term, stored.slug, stored.forms, stored.origin) == (
        "Spleen",
        "spleen",
        ["Spleen", "spleens", "splenic"],
        EDITOR,
    )
    record = stored.history.get()
    assert (record.history_type, record.history_user, record.history_change_reason) == (
        "+",
        editor,
        "Created",
    )


def test_a_reviewer_changes_a_shipped_entry_which_is_then_the_editors(reviewer):
    glossary.load_shipped([ANEMIA])
    entry = GlossaryEntry.objects.get(slug="anemia")

    glossary.save_entry(
        entry=entry,
        term="anemia",
        forms=["anaemia", "anemic"],
        explanation="Too few red blood cells, which makes a person tired and pale.",
        acting_user=reviewer,
    )

    entry.refresh_from_db()
    assert entry.forms == ["anemia", "anaemia", "anemic"] and entry.origin == EDITOR
    assert entry.history.first().history_user == reviewer


def test_forms_are_tidied_and_each_kept_once_with_the_term_first(editor):
    entry = new_entry(editor, "  cleft   palate ", ["Cleft-palate", "cleft palates", " ", "CLEFT PALATES"])

    assert entry.forms == ["cleft palate", "cleft palates"]


def test_a_save_that_changes_nothing_writes_nothing(editor):
    entry = new_entry(editor)
    before = generation()

    glossary.save_entry(
        entry=entry, term=entry.term, forms=entry.forms, explanation=entry.explanation, acting_user=editor
    )

    assert entry.history.count() == 1
    assert generation() == before


@pytest.mark.parametrize("group", [None, "Coordinators"])
def test_only_editors_and_reviewers_may_write_the_glossary(staff_in_group, editor, group):
    outsider = staff_in_group(group, "outsider")
    entry = new_entry(editor)

    with pytest.raises(PermissionDenied):
        new_entry(outsider, "liver")
    with pytest.raises(PermissionDenied):
        glossary.save_entry(
            entry=entry,
            term="spleen",
            forms=[],
            explanation="Changed by nobody allowed.",
            acting_user=outsider,
        )
    with pytest.raises(PermissionDenied):
        glossary.delete_entry(entry=entry, acting_user=outsider)

    assert list(GlossaryEntry.objects.values_list("term", "explanation")) == [("spleen", entry.explanation)]


def errors_of(call):
    with pytest.raises(ValidationError) as raised:
        call()
    return raised.value.message_dict


def test_a_form_another_entry_has_is_refused_with_a_message_naming_that_entry(editor):
    glossary.load_shipped([ANEMIA])

    errors = errors_of(lambda: new_entry(editor, "low blood", ["Anaemia"]))

    assert errors == {
        "forms": ["“Anaemia” already opens the entry “anemia”: a word can open only one explanation."]
    }
    assert not GlossaryEntry.objects.filter(term="low blood").exists()


def test_a_term_that_is_another_entrys_form_is_refused(editor):
    glossary.load_shipped([ANEMIA])

    assert "already opens the entry “anemia”" in errors_of(lambda: new_entry(editor, "Anaemia"))["forms"][0]


def test_a_second_entry_for_the_same_word_is_refused(editor):
    new_entry(editor, "Spleen")

    assert errors_of(lambda: new_entry(editor, "spleen")) == {
        "term": ["There is already an entry for “spleen”."]
    }


def test_an_empty_explanation_is_refused(editor):
    errors = errors_of(lambda: new_entry(editor, explanation="   "))

    assert errors == {
        "explanation": ["Write the explanation: it is what readers see when they open the word."]
    }


def test_a_long_explanation_is_refused_with_its_length(editor):
    words = " ".join(["word"] * 41)

    (message,) = errors_of(lambda: new_entry(editor, explanation=words))["explanation"]

    assert message.startswith("Keep the explanation to 40 words and 300 characters at most (it has 41 words")


def test_a_form_without_letters_is_refused(editor):
    errors = errors_of(lambda: new_entry(editor, forms=["42"]))

    assert errors == {"forms": ["“42” has no letters, so it cannot be found on a page."]}


def test_deleting_an_entry_keeps_it_in_the_history_with_who_removed_it(editor):
    entry = new_entry(editor)

    glossary.delete_entry(entry=entry, acting_user=editor)

    assert not GlossaryEntry.objects.exists()
    record = GlossaryEntry.history.first()
    assert (record.history_type, record.history_user, record.term) == ("-", editor, "spleen")


def test_every_write_moves_the_content_generation(editor):
    before = generation()
    entry = new_entry(editor)
    created = generation()
    glossary.delete_entry(entry=entry, acting_user=editor)

    assert len({before, created, generation()}) == 3


# The shipped entries


def test_load_glossary_adds_every_shipped_entry_with_its_history():
    out = call_command_output()

    assert out == f"Glossary: {len(ENTRIES)} added, 0 updated, 0 unchanged, 0 left as editors made them.\n"
    assert GlossaryEntry.objects.filter(origin=SHIPPED).count() == len(ENTRIES)
    assert GlossaryEntry.history.filter(history_change_reason="Shipped with the site").count() == len(ENTRIES)
    anemia = GlossaryEntry.objects.get(slug="anemia")
    assert anemia.forms == list(next(entry.forms for entry in ENTRIES if entry.term == "anemia"))


def call_command_output():
    from io import StringIO

    out = StringIO()
    call_command("load_glossary", stdout=out, no_color=True)
    return out.getvalue()


def test_load_glossary_run_again_writes_nothing():
    call_command("load_glossary", verbosity=0)
    history, before = GlossaryEntry.history.count(), generation()

    out = call_command_output()

    assert out == f"Glossary: 0 added, 0 updated, {len(ENTRIES)} unchanged, 0 left as editors made them.\n"
    assert GlossaryEntry.history.count() == history
    assert generation() == before


def test_a_shipped_entry_reworded_in_the_code_is_updated_while_no_editor_touched_it():
    glossary.load_shipped([ANEMIA, CLEFT])
    reworded = Entry("anemia", ("anemia", "anaemia", "anemic"), "Having too few red blood cells.")

    result = glossary.load_shipped([reworded, CLEFT])

    assert (result.created, result.updated, result.unchanged) == (0, 1, 1)
    anemia = GlossaryEntry.objects.get(slug="anemia")
    assert (anemia.forms, anemia.explanation) == (["anemia", "anaemia", "anemic"], reworded.explanation)
    assert anemia.history.first().history_type == "~"


def test_load_glossary_never_overwrites_an_entry_an_editor_changed(editor):
    glossary.load_shipped([ANEMIA])
    entry = GlossaryEntry.objects.get(slug="anemia")
    glossary.save_entry(
        entry=entry, term="anemia", forms=["anaemia"], explanation="Our own words, kept.", acting_user=editor
    )

    result = glossary.load_shipped([Entry("anemia", ANEMIA.forms, "The code's new words.")])

    assert (result.updated, result.editors) == (0, 1)
    assert GlossaryEntry.objects.get(slug="anemia").explanation == "Our own words, kept."


def test_load_glossary_does_not_bring_back_an_entry_an_editor_deleted_or_renamed(editor):
    glossary.load_shipped([ANEMIA, CLEFT])
    glossary.delete_entry(entry=GlossaryEntry.objects.get(slug="anemia"), acting_user=editor)
    cleft = GlossaryEntry.objects.get(slug="cleft")
    glossary.save_entry(
        entry=cleft, term="split", forms=["cleft"], explanation=cleft.explanation, acting_user=editor
    )

    result = glossary.load_shipped([ANEMIA, CLEFT])

    assert (result.created, result.editors) == (0, 2)
    assert list(GlossaryEntry.objects.values_list("slug", flat=True)) == ["split"]


def test_load_glossary_leaves_out_an_entry_whose_form_an_editors_entry_has(editor):
    new_entry(editor, "low blood", ["anaemia"], "An editor's entry that claims the British spelling.")

    result = glossary.load_shipped([ANEMIA, CLEFT])

    assert (result.created, result.clashing) == (1, ["anemia"])
    assert "Left out, because an editor's entry already explains one of their forms: anemia." in str(result)
    assert not GlossaryEntry.objects.filter(slug="anemia").exists()
