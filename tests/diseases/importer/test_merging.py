"""Merging HPO records and GARD entries into pages; pure functions, no database."""

from diseases.importer.gard import GardCatalogue, GardEntry
from diseases.importer.hpoa import HpoaAnnotation, HpoaFile, HpoaRecord
from diseases.importer.merging import merge, other_names
from diseases.models import Annotation

Band = Annotation.Band


def annotation(hpo_id, band=Band.NOT_AVAILABLE, frequency="", excluded=False, line=1):
    return HpoaAnnotation(hpo_id, band, excluded, frequency, "TAS", "", "", line)


def record(curie, name, *annotations):
    source, code = curie.split(":")
    return HpoaRecord(source, code, name, line=1, annotations=list(annotations))


def hpoa(*records):
    return HpoaFile(version="2025-01-16", records={r.curie: r for r in records})


def gard(*entries):
    return GardCatalogue(version="0.0.3", entries=list(entries))


def entry(gard_id, name, synonyms=(), categories=()):
    return GardEntry(gard_id, name, name.lower().replace(" ", "-"), 1, list(synonyms), list(categories))


def page_of(plans, curie):
    return next(p for p in plans if any(f"{s}:{c}" == curie for s, c, _ in p.identifiers))


def test_orphanet_and_omim_records_with_the_same_normalised_name_make_one_page():
    plans = merge(
        gard(),
        hpoa(
            record("OMIM:601859", "AUTOIMMUNE LYMPHOPROLIFERATIVE  SYNDROME"),
            record("ORPHA:3261", "Autoimmune lymphoproliferative syndrome"),
        ),
    )
    assert len(plans) == 1
    assert {(s, c) for s, c, _ in plans[0].identifiers} == {("ORPHA", "3261"), ("OMIM", "601859")}
    assert plans[0].name == "Autoimmune lymphoproliferative syndrome"  # Orphanet names the page


def test_a_record_joins_the_gard_entry_with_its_name():
    plans = merge(
        gard(entry(8686, "Autoimmune lymphoproliferative syndrome")),
        hpoa(record("ORPHA:3261", "Autoimmune Lymphoproliferative Syndrome")),
    )
    assert len(plans) == 1
    assert plans[0].gard_id == 8686
    assert ("ORPHA", "3261") in {(s, c) for s, c, _ in plans[0].identifiers}


def test_a_record_joins_the_gard_entry_whose_synonym_matches():
    plans = merge(
        gard(entry(8686, "Autoimmune lymphoproliferative syndrome", ["Canale-Smith syndrome"])),
        hpoa(record("OMIM:1", "Canale Smith syndrome")),
    )
    assert len(plans) == 1 and plans[0].gard_id == 8686


def test_a_synonym_shared_by_two_gard_entries_joins_neither():
    plans = merge(
        gard(entry(1, "First disease", ["Shared name"]), entry(2, "Second disease", ["Shared name"])),
        hpoa(record("OMIM:1", "Shared name")),
    )
    assert len(plans) == 3
    assert page_of(plans, "OMIM:1").gard_id is None


def test_a_record_that_matches_nothing_gets_its_own_page():
    plans = merge(gard(entry(1, "Some disease")), hpoa(record("DECIPHER:7", "Lonely deletion syndrome")))
    lonely = page_of(plans, "DECIPHER:7")
    assert lonely.gard_id is None and lonely.name == "Lonely deletion syndrome"
    assert lonely.slug == "lonely-deletion-syndrome"


def test_gard_synonyms_categories_and_differing_record_names_become_other_names():
    plans = merge(
        gard(
            entry(8686, "Autoimmune lymphoproliferative syndrome", ["ALPS", "alps"], ["Cancer", "Genetics"])
        ),
        hpoa(
            record("OMIM:601859", "Canale-Smith syndrome"),
            record("ORPHA:3261", "Autoimmune lymphoproliferative syndrome"),
        ),
    )
    assert len(plans) == 2  # the OMIM name is not a GARD name or synonym here
    alps = page_of(plans, "ORPHA:3261")
    assert alps.synonyms == ["ALPS"]
    assert alps.categories == ["Cancer", "Genetics"]


def test_symptoms_are_the_union_over_the_pages_records():
    plans = merge(
        gard(),
        hpoa(
            record("ORPHA:3261", "ALPS", annotation("HP:0000001")),
            record("OMIM:601859", "ALPS", annotation("HP:0000002")),
        ),
    )
    assert set(plans[0].annotations) == {"HP:0000001", "HP:0000002"}


def test_a_record_that_gives_a_frequency_beats_one_that_does_not():
    plans = merge(
        gard(),
        hpoa(
            record("ORPHA:3261", "ALPS", annotation("HP:0001744")),
            record("OMIM:601859", "ALPS", annotation("HP:0001744", Band.FREQUENT, "7/13")),
        ),
    )
    row = plans[0].annotations["HP:0001744"]
    assert (row.band, row.frequency, row.source_record) == (Band.FREQUENT, "7/13", "OMIM:601859")


def test_orphanet_beats_omim_when_both_give_a_frequency():
    plans = merge(
        gard(),
        hpoa(
            record("OMIM:601859", "ALPS", annotation("HP:0001744", Band.VERY_FREQUENT, "9/10")),
            record("ORPHA:3261", "ALPS", annotation("HP:0001744", Band.OCCASIONAL, "HP:0040283")),
        ),
    )
    assert plans[0].annotations["HP:0001744"].source_record == "ORPHA:3261"
    assert plans[0].annotations["HP:0001744"].band == Band.OCCASIONAL


def test_within_one_source_the_most_frequent_band_wins():
    plans = merge(
        gard(),
        hpoa(
            record(
                "ORPHA:3261",
                "ALPS",
                annotation("HP:0001744", Band.OCCASIONAL, "HP:0040283", line=1),
                annotation("HP:0001744", Band.FREQUENT, "HP:0040282", line=2),
            )
        ),
    )
    assert plans[0].annotations["HP:0001744"].band == Band.FREQUENT


def test_a_reported_feature_beats_another_records_exclusion():
    plans = merge(
        gard(),
        hpoa(
            record("ORPHA:3261", "ALPS", annotation("HP:0001250", excluded=True)),
            record("OMIM:601859", "ALPS", annotation("HP:0001250")),
        ),
    )
    assert not plans[0].annotations["HP:0001250"].is_excluded


def test_a_name_too_long_for_the_page_keeps_its_full_form_as_another_name():
    long_name = "Syndrome " + "with many different features " * 12
    plans = merge(gard(), hpoa(record("OMIM:1", long_name)))
    assert len(plans[0].name) <= 255
    assert plans[0].synonyms == [" ".join(long_name.split())]


def test_other_names_leave_out_the_name_again_in_another_order_or_cut_short():
    cut = "Neurodevelopmental disorder-craniofacial dysmorphism-cardiac defect-skeletal ano"
    whole = f"{cut}malies syndrome due to a point mutation"
    names = other_names(
        "Autosomal dominant cerebellar ataxia",
        [
            "ADCA",
            "cerebellar ataxia, autosomal dominant",
            "autosomal dominant cerebellar ataxia (disease)",
            cut,
            whole,
        ],
    )
    assert names == ["ADCA", whole]
