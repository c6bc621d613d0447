import pytest

from diseases.importer.names import (
    base_slug,
    disease_name,
    is_cut_short,
    normalise_name,
    same_name_key,
    unique_slug,
)


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


@pytest.mark.parametrize(
    ("name", "again", "same"),
    [
        # Real pairs from GARD, phenotype.hpoa and Mondo.
        (
            "Autosomal dominant cerebellar ataxia",
            "cerebellar ataxia, autosomal dominant",
            True,
        ),  # OMIM's order
        ("Choriocarcinoma", "choriocarcinoma (disease)", True),  # Mondo's tag
        ("Herpes gestationis", "Herpes gestationis (disorder)", True),  # SNOMED CT's, through Mondo
        ("Oculocutaneous albinism type 2", "albinism, oculocutaneous, type II", False),  # other words
        ("Goldenhar disease", "Goldenhar syndrome", False),
        ("Down syndrome", "trisomy 21", False),
    ],
)
def test_a_name_in_another_order_or_with_a_tag_is_the_same_name(name, again, same):
    assert (same_name_key(name) == same_name_key(again)) is same


def test_a_gard_name_cut_at_80_characters_is_the_name_it_begins_cut_short():
    cut = "Neurodevelopmental disorder-craniofacial dysmorphism-cardiac defect-skeletal ano"
    whole = f"{cut}malies syndrome due to a point mutation"
    assert is_cut_short(cut, [cut, whole]) and not is_cut_short(whole, [cut, whole])
    # Exactly 80 characters but whole: the other name differs by a comma, not by more text.
    melas = "Mitochondrial myopathy, encephalopathy, lactic acidosis and stroke-like episodes"
    assert not is_cut_short(melas, [melas, melas.replace("acidosis and", "acidosis, and")])


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
