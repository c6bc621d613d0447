"""Merging by Mondo: which records share a page, definitions, genes, inheritance and families. No database."""

from diseases.importer.genes import GeneLinks
from diseases.importer.merging import merge
from diseases.importer.mondo import MondoOntology, MondoTerm
from diseases.importer.mondo_xrefs import MondoXrefs
from diseases.importer.uniprot import UniprotDisease, UniprotDiseases
from diseases.models import ExternalIdentifier
from tests.diseases.importer.test_merging import entry, gard, hpoa, page_of, record

JoinedBy = ExternalIdentifier.JoinedBy


ROOT = "MONDO:0000001"


def term(
    mondo_id,
    label,
    *,
    parents=(),
    grandparents=(),
    definition="",
    synonyms=(),
    obsolete=False,
    replaced_by="",
):
    ancestors = {ROOT: 9, **dict.fromkeys(parents, 1), **dict.fromkeys(grandparents, 2)}
    return MondoTerm(
        mondo_id, label, definition, list(synonyms), {} if obsolete else ancestors, obsolete, replaced_by
    )


def ontology(*terms):
    return MondoOntology("v2026-05-05", {ROOT: term(ROOT, "disease"), **{t.mondo_id: t for t in terms}})


def xrefs(mapping, names=None):
    return MondoXrefs("x", by_term=mapping, names=names or {})


def ids(plan):
    return {f"{source}:{code}" for source, code, _ in plan.identifiers}


def test_records_mondo_calls_one_disease_share_a_page_whatever_their_names():
    mondo = ontology(term("MONDO:0009061", "cystic fibrosis"))
    plans = merge(
        gard(entry(6233, "Cystic fibrosis")),
        hpoa(record("OMIM:219700", "CF of the pancreas"), record("ORPHA:586", "Mucoviscidosis")),
        mondo=mondo,
        xrefs=xrefs({"MONDO:0009061": [("GARD", "6233"), ("OMIM", "219700"), ("ORPHA", "586")]}),
    )
    assert len(plans) == 1
    assert ids(plans[0]) == {"GARD:6233", "OMIM:219700", "ORPHA:586", "MONDO:0009061"}
    assert plans[0].joined_by[("GARD", "6233")] == JoinedBy.SOURCE
    assert plans[0].joined_by[("ORPHA", "586")] == JoinedBy.MONDO


def test_two_gard_entries_of_one_mondo_term_become_one_page_named_after_the_lower_id():
    plans = merge(
        gard(entry(20, "Later name"), entry(10, "Earlier name")),
        hpoa(),
        mondo=ontology(term("MONDO:0000010", "some disease")),
        xrefs=xrefs({"MONDO:0000010": [("GARD", "10"), ("GARD", "20")]}),
    )
    assert len(plans) == 1
    assert plans[0].gard_id == 10 and plans[0].name == "Earlier name"
    assert "Later name" in plans[0].synonyms


def test_a_cross_reference_several_terms_share_joins_nothing():
    mondo = ontology(term("MONDO:0000010", "one"), term("MONDO:0000020", "two"))
    plans = merge(
        gard(entry(1, "First")),
        hpoa(record("ORPHA:899", "Shared group")),
        mondo=mondo,
        xrefs=xrefs(
            {"MONDO:0000010": [("GARD", "1"), ("ORPHA", "899")], "MONDO:0000020": [("ORPHA", "899")]}
        ),
    )
    assert len(plans) == 2
    assert page_of(plans, "ORPHA:899").mondo_id == ""


def test_an_old_term_id_is_followed_to_its_replacement():
    mondo = ontology(
        term("MONDO:0000010", "old", obsolete=True, replaced_by="MONDO:0000011"), term("MONDO:0000011", "new")
    )
    plans = merge(
        gard(entry(1, "Disease one")),
        hpoa(record("OMIM:100100", "Something else")),
        mondo=mondo,
        xrefs=xrefs({"MONDO:0000010": [("GARD", "1"), ("OMIM", "100100")]}),
    )
    assert len(plans) == 1 and plans[0].mondo_id == "MONDO:0000011"


def test_a_gard_entry_no_term_cross_references_is_tied_by_a_name_only_one_term_has():
    mondo = ontology(
        term("MONDO:0000010", "polycystic kidney disease", synonyms=["PKD"]),
        term("MONDO:0000020", "shared name"),
        term("MONDO:0000021", "other", synonyms=["shared name"]),
    )
    plans = merge(
        gard(entry(7419, "Polycystic Kidney Disease"), entry(2, "Shared name")),
        hpoa(),
        mondo=mondo,
        xrefs=xrefs({}),
    )
    assert page_of(plans, "GARD:7419").mondo_id == "MONDO:0000010"
    assert page_of(plans, "GARD:2").mondo_id == ""  # two terms carry the name: tied to neither


def test_the_older_releases_names_tie_a_gard_entry_the_current_names_miss():
    plans = merge(
        gard(entry(3, "Old style name")),
        hpoa(),
        mondo=ontology(term("MONDO:0000030", "modern name")),
        xrefs=xrefs({}, names={"MONDO:0000030": ["modern name", "old style name"]}),
    )
    assert plans[0].mondo_id == "MONDO:0000030"
    assert plans[0].joined_by[("MONDO", "0000030")] == JoinedBy.MONDO_NAME


def test_a_gard_entry_keeps_a_record_of_its_name_that_mondo_files_as_a_type():
    mondo = ontology(
        term("MONDO:0017979", "autoimmune lymphoproliferative syndrome"),
        term("MONDO:0011158", "ALPS type 1A", parents=["MONDO:0017979"]),
    )
    plans = merge(
        gard(entry(8686, "Autoimmune lymphoproliferative syndrome")),
        hpoa(record("OMIM:601859", "Autoimmune lymphoproliferative syndrome")),
        mondo=mondo,
        xrefs=xrefs({"MONDO:0017979": [("GARD", "8686")], "MONDO:0011158": [("OMIM", "601859")]}),
    )
    assert len(plans) == 1
    assert plans[0].mondo_id == "MONDO:0017979"  # the page stays the GARD entry's term's
    assert {"MONDO:0017979", "MONDO:0011158", "OMIM:601859"} <= ids(plans[0])
    assert plans[0].joined_by[("OMIM", "601859")] == JoinedBy.NAME
    assert plans[0].parent_keys == []  # the term it took in is not a family of its own


def test_a_name_never_joins_two_gard_entries_or_bare_records_of_different_mondo_terms():
    mondo = ontology(
        term("MONDO:0000010", "one"), term("MONDO:0000011", "two"), term("MONDO:0000012", "three")
    )
    plans = merge(
        gard(entry(1, "Same name"), entry(2, "Other", synonyms=["Same name"])),
        hpoa(record("OMIM:100001", "Twin name"), record("ORPHA:100", "Twin name")),
        mondo=mondo,
        xrefs=xrefs(
            {
                "MONDO:0000010": [("GARD", "1")],
                "MONDO:0000011": [("GARD", "2"), ("OMIM", "100001")],
                "MONDO:0000012": [("ORPHA", "100")],
            }
        ),
    )
    assert len(plans) == 3
    assert page_of(plans, "OMIM:100001") is page_of(plans, "GARD:2")
    assert page_of(plans, "ORPHA:100") is not page_of(plans, "OMIM:100001")


def test_families_link_each_page_to_the_nearest_pages_above_it():
    mondo = ontology(
        term("MONDO:0000010", "polycystic kidney disease"),
        term("MONDO:0000011", "autosomal dominant PKD", parents=["MONDO:0000010"]),
        term("MONDO:0000012", "PKD type 1", parents=["MONDO:0000011"], grandparents=["MONDO:0000010"]),
        term("MONDO:0000013", "PKD type 9", parents=["MONDO:0000099"], grandparents=["MONDO:0000010"]),
        term("MONDO:0000099", "a group without a page", parents=["MONDO:0000010"]),
    )
    plans = merge(
        gard(entry(1, "Polycystic kidney disease")),
        hpoa(record("ORPHA:730", "ADPKD"), record("OMIM:173900", "PKD1"), record("OMIM:999999", "PKD9")),
        mondo=mondo,
        xrefs=xrefs(
            {
                "MONDO:0000010": [("GARD", "1")],
                "MONDO:0000011": [("ORPHA", "730")],
                "MONDO:0000012": [("OMIM", "173900")],
                "MONDO:0000013": [("OMIM", "999999")],
            }
        ),
    )
    assert page_of(plans, "ORPHA:730").parent_keys == ["GARD:1"]
    assert page_of(plans, "OMIM:173900").parent_keys == ["ORPHA:730"]  # the nearest, not the group above
    assert page_of(plans, "OMIM:999999").parent_keys == ["GARD:1"]  # through a term with no page
    assert page_of(plans, "OMIM:999999").classification == [("MONDO:0000099", "a group without a page")]


def test_definitions_come_from_mondo_then_uniprot_for_the_omim_records():
    mondo = ontology(term("MONDO:0009061", "cystic fibrosis", definition="Mondo's definition of CF."))
    uniprot = UniprotDiseases(
        "x", {"219700": UniprotDisease("DI-01466", "Cystic fibrosis", "219700", "UniProt's text.")}
    )
    plans = merge(
        gard(),
        hpoa(record("OMIM:219700", "Cystic fibrosis")),
        mondo=mondo,
        xrefs=xrefs({"MONDO:0009061": [("OMIM", "219700")]}),
        uniprot=uniprot,
    )
    assert plans[0].definitions == [
        ("mondo", "MONDO:0009061", "Mondo's definition of CF."),
        ("uniprot", "DI-01466", "UniProt's text."),
    ]


def test_main_genes_are_those_the_definition_names_else_those_every_record_names():
    mondo = ontology(
        term("MONDO:0009061", "cystic fibrosis", definition="Caused by variants in the CFTR gene.")
    )
    genes = GeneLinks(
        "x",
        {"OMIM:219700": {1080: "CFTR", 7040: "TGFB1"}, "ORPHA:586": {1080: "CFTR", 7040: "TGFB1", 4: "MIF"}},
    )
    cf = merge(
        gard(),
        hpoa(record("OMIM:219700", "Cystic fibrosis"), record("ORPHA:586", "Cystic fibrosis")),
        mondo=mondo,
        xrefs=xrefs({"MONDO:0009061": [("OMIM", "219700"), ("ORPHA", "586")]}),
        genes=genes,
    )[0]
    assert {symbol: main for symbol, _, main in cf.genes.values()} == {
        "CFTR": True,
        "TGFB1": False,
        "MIF": False,
    }
    assert cf.genes[1080][1] == "ORPHA:586"  # Orphanet's record comes first

    without_definition = merge(
        gard(),
        hpoa(record("OMIM:219700", "Cystic fibrosis"), record("ORPHA:586", "Cystic fibrosis")),
        genes=genes,
    )[0]
    main = {symbol for symbol, _, is_main in without_definition.genes.values() if is_main}
    assert main == {"CFTR", "TGFB1"}  # named by both records


def test_inheritance_and_onset_come_from_the_records_once_each():
    omim = record("OMIM:219700", "Cystic fibrosis")
    omim.inheritance, omim.onset = ["HP:0000007"], ["HP:0003593"]
    orpha = record("ORPHA:586", "Cystic fibrosis")
    orpha.inheritance = ["HP:0000007"]
    plan = merge(gard(), hpoa(omim, orpha))[0]
    assert plan.characteristics == [
        ("inheritance", "HP:0000007", "ORPHA:586"),
        ("onset", "HP:0003593", "OMIM:219700"),
    ]
