"""The sentences a page's facts make: each fact said simply, with its source, and nothing the facts do not say."""

import pytest

from diseases.plain.summary import Facts, Symptom, summarise

HEREDITARY, IMMUNE, CANCER, NEOPLASM, BLOOD = (
    "MONDO:0003847",
    "MONDO:0005046",
    "MONDO:0004992",
    "MONDO:0005070",
    "MONDO:0005570",
)
NERVES, EYES, BONES = "HP:0000707", "HP:0000478", "HP:0000924"


def texts(facts):
    return [sentence.text for sentence in summarise(facts)]


def symptom(name, everyday="", band=1, systems=(), in_types=0, hpo_id=None):
    return Symptom(hpo_id or f"HP:{abs(hash(name)) % 10**7:07d}", name, everyday, band, systems, in_types)


def test_nothing_known_says_nothing():
    assert summarise(Facts(name="Unknown syndrome")) == []


@pytest.mark.parametrize(
    "kinds, sentence",
    [
        ([HEREDITARY], "It is a genetic condition."),
        ([IMMUNE, HEREDITARY], "It is a genetic condition of the immune system."),
        ([NEOPLASM, CANCER, HEREDITARY], "It is a kind of cancer of the blood."),
        ([IMMUNE], "It is a condition of the immune system."),
    ],
)
def test_the_kind_of_condition_comes_from_the_mondo_groups_it_is_filed_under(kinds, sentence):
    kinds = kinds + ([BLOOD] if "blood" in sentence else [])
    [said] = summarise(Facts(name="X", mondo_id="MONDO:0000001", kinds=kinds))
    assert said.text == sentence
    assert (said.source, said.detail, said.anchor) == ("mondo", "MONDO:0000001", "family")


def test_with_symptoms_the_parts_of_the_body_come_from_them_not_from_mondo():
    facts = Facts(
        name="X",
        kinds=[HEREDITARY, IMMUNE],
        symptoms=[
            symptom("Seizure", "fits", 1, (NERVES,)),
            symptom("Nystagmus", "jumpy eyes", 1, (EYES,)),
            symptom("Ataxia", "clumsy walking", 2, (NERVES,)),
            symptom("Scoliosis", "curved spine", 4, (BONES,)),  # rare: too light to name
        ],
    )
    said = texts(facts)
    assert said[0] == "It is a genetic condition."
    assert said[1] == "It mostly affects the brain and nerves and the eyes."


def test_symptoms_are_named_in_everyday_words_most_frequent_first_with_the_clinics_word_for_the_first_two():
    facts = Facts(
        name="X",
        symptoms=[
            symptom("Splenomegaly", "enlarged spleen", 1),
            symptom("Lymphadenopathy", "swollen glands", 1),
            symptom("Epistaxis", "nosebleed", 2),
            symptom("Bruising susceptibility", "bruises easily", 2),
            symptom("Fever", "", 1),  # no everyday name: left to the table
            symptom("Hepatomegaly", "enlarged liver", 3),  # less often seen than the four above
        ],
    )
    [sentence] = [s for s in summarise(facts) if "signs" in s.text]
    assert sentence.text == (
        "Common signs include enlarged spleen (splenomegaly) and swollen glands (lymphadenopathy). "
        "Others are nosebleed and bruises easily."
    )
    assert (sentence.source, sentence.anchor) == ("hpoa", "symptoms")


def test_a_long_medical_name_is_not_put_in_brackets_and_a_page_without_everyday_names_uses_short_medical_ones():
    long = symptom("Decreased specific antibody response to vaccine", "poor vaccine response", 1)
    assert "Common signs include poor vaccine response." in texts(Facts(name="X", symptoms=[long]))
    medical_only = [symptom("Ataxia", band=1), symptom("Abnormal form of the vertebral bodies", band=1)]
    assert "Common signs include ataxia." in texts(Facts(name="X", symptoms=medical_only))


def test_signs_without_a_known_frequency_are_not_called_common():
    facts = Facts(name="X", symptoms=[symptom("Seizure", "fits", 9), symptom("Nystagmus", "jumpy eyes", 9)])
    assert "Signs can include fits (seizure) and jumpy eyes (nystagmus)." in texts(facts)


@pytest.mark.parametrize(
    "onsets, sentence",
    [
        (["HP:0003577"], "It usually starts at birth."),
        (["HP:0003593", "HP:0003577"], "It usually starts at birth or in the first year of life."),
        (
            ["HP:0003581", "HP:0030674", "HP:0011463"],
            "It can start at any time from before birth to adulthood.",
        ),
    ],
)
def test_when_it_starts_is_said_in_age_order(onsets, sentence):
    facts = Facts(name="X", onsets=[(hpo_id, "OMIM:1") for hpo_id in onsets])
    [said] = summarise(facts)
    assert said.text == sentence and (said.detail, said.anchor) == ("OMIM:1", "genes")


def test_how_it_runs_is_said_but_not_how_long_people_live():
    facts = Facts(
        name="X", onsets=[("HP:0003676", "OMIM:1"), ("HP:0001522", "OMIM:1")]
    )  # progressive; death in infancy
    assert texts(facts) == ["It tends to get worse over time (progressive)."]


@pytest.mark.parametrize(
    "mode, chance",
    [
        ("HP:0000006", "1 in 2 chance of passing it on to each child (autosomal dominant)"),
        ("HP:0000007", "each child has a 1 in 4 chance of having it (autosomal recessive)"),
        ("HP:0001419", "A mother who carries the changed gene has a 1 in 2 chance"),
    ],
)
def test_inheritance_gives_the_chance_for_each_child_where_the_pattern_makes_it_a_fact(mode, chance):
    assert chance in " ".join(texts(Facts(name="X", inheritance=[(mode, "OMIM:2")])))


def test_two_patterns_are_both_said_and_a_broader_one_is_not_repeated():
    facts = Facts(
        name="X", inheritance=[("HP:0000006", "OMIM:2"), ("HP:0000007", "OMIM:3"), ("HP:0003829", "OMIM:2")]
    )
    said = texts(facts)
    assert said[0] == "It can be passed on in more than one way."
    assert "autosomal dominant" in said[1] and "autosomal recessive" in said[2]
    assert said[3] == "Some people with the gene change never have symptoms (incomplete penetrance)."
    x_linked = texts(Facts(name="X", inheritance=[("HP:0001419", "O:1"), ("HP:0001417", "O:1")]))
    assert len(x_linked) == 1 and "X-linked recessive" in x_linked[0]


@pytest.mark.parametrize(
    "genes, sentence",
    [
        (["CFTR"], "It is linked to changes in the CFTR gene."),
        (["FAS", "FASLG"], "It is linked to changes in the FAS or FASLG gene."),
        (["A1", "B2", "C3", "D4"], "It is linked to changes in one of 4 genes, such as A1, B2 and C3."),
    ],
)
def test_genes_are_named(genes, sentence):
    [said] = summarise(Facts(name="X", genes=genes))
    assert said.text == sentence and (said.source, said.anchor) == ("genes", "genes")


def test_a_group_tells_of_its_types_and_says_so():
    facts = Facts(
        name="X-linked lymphoproliferative disease",
        type_count=2,
        type_symptoms=[
            symptom("Hypogammaglobulinemia", "low antibody levels", 1, ("HP:0002715",), in_types=2),
            symptom("Splenomegaly", "enlarged spleen", 1, ("HP:0001871",), in_types=1),
        ],
        type_genes=["SH2D1A", "XIAP"],
        type_inheritance=["HP:0001419"],
    )
    said = texts(facts)
    assert "Its types mostly affect the blood and the immune system." in said
    assert (
        "Common signs in its types include low antibody levels (hypogammaglobulinemia) and enlarged spleen (splenomegaly)."
        in said
    )
    assert "Its types are linked to changes in the SH2D1A or XIAP gene." in said
    assert said[-1] == "It has two types, each with a page of its own."


def test_a_type_names_its_group():
    assert texts(Facts(name="XLP1", parent_names=["X-linked lymphoproliferative disease"])) == [
        "It is one type in the group called X-linked lymphoproliferative disease."
    ]
