import pytest

from diseases.importer.names import base_slug, disease_name, normalise_name, unique_slug


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("Autoimmune Lymphoproliferative Syndrome", "autoimmune lymphoproliferative syndrome"),  # case
        ("Canale-Smith syndrome", "Canale Smith syndrome"),  # punctuation
        ("Canale–Smith syndrome, type 1", "canale smith syndrome type 1"),  # dash and comma
        ("Sjögren syndrome", "Sjogren syndrome"),  # accents
        ("  Gaucher   disease\ttype 1 ", "Gaucher disease type 1"),  # spacing
        ("Crohn's disease", "Crohns disease"),  # apostrophes join
    ],
)
def test_normalised_names_fold_case_punctuation_accents_and_spacing(first, second):
    assert normalise_name(first) == normalise_name(second)


def test_different_names_stay_different():
    assert normalise_name("Gaucher disease type 1") != normalise_name("Gaucher disease type 2")


def test_a_name_longer_than_255_is_cut_at_a_word_with_an_ellipsis():
    name = "Syndrome " + "with many features " * 20
    short = disease_name(name)
    assert len(short) <= 255 and short.endswith("…")
    assert name.startswith(short[:-1])
    assert not short[:-1].endswith(" ")


def test_slug_punctuation_separates_words_but_apostrophes_join():
    assert base_slug("Myeloproliferative/lymphoproliferative neoplasms") == (
        "myeloproliferative-lymphoproliferative-neoplasms"
    )
    assert base_slug("Crohn's disease") == "crohns-disease"


def test_a_taken_slug_gets_the_records_own_suffix_then_a_number():
    taken = {"alps"}
    assert unique_slug("alps", "OMIM-601859", taken) == "alps-omim-601859"
    taken.add("alps-omim-601859")
    assert unique_slug("alps", "OMIM-601859", taken) == "alps-omim-601859-2"
    assert unique_slug("", "DECIPHER-1", set()) == "decipher-1"
