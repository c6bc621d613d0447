"""Each name rule with a real example from the packaged sources, and real names that must pass."""

import pytest

from diseases.name_rules import RULES, rejecting_rule

# (text, where it comes from, the page it reached, the rule that rejects it or None for a name)
REAL_TEXTS = [
    # Not names: one real example of each rule, at least.
    ("cystic fibrosis lung disease, modifier of", "Mondo exact synonym", "Cystic fibrosis", "modifier"),
    (
        "pseudomonas aeruginosa, susceptibility to chronic infection by, in cystic fibrosis",
        "Mondo exact synonym",
        "Cystic fibrosis",
        "susceptibility",
    ),
    (
        "Myoclonic epilepsy, juvenile, susceptibility to, 1",
        "OMIM label, phenotype.hpoa",
        "Juvenile myoclonic epilepsy",
        "susceptibility",
    ),
    ("osteoarthritis susceptibility 3", "Mondo label", "Hand osteoarthritis", "susceptibility"),
    (
        "susceptibility to juvenile absence epilepsy 1",
        "Mondo exact synonym",
        "Epilepsy, juvenile absence",
        "susceptibility",
    ),
    ("Hirschsprung disease susceptibility", "Mondo exact synonym", "Hirschsprung disease", "susceptibility"),
    (
        "Long QT syndrome, acquired, reduced susceptibility to",
        "Mondo exact synonym",
        "Long qt syndrome 2",
        "susceptibility",
    ),
    (
        "venous thrombosis, protection against",
        "Mondo exact synonym",
        "Prothrombin-related thrombophilia",
        "protection",
    ),
    (
        "Creutzfeldt-Jakob disease, variant, resistance to",
        "Mondo exact synonym",
        "Inherited Creutzfeldt-Jakob disease",
        "protection",
    ),
    (
        "macular degeneration, age-related, reduced risk of",
        "Mondo exact synonym",
        "Macular degeneration, age-related, 1",
        "protection",
    ),
    (
        "major depressive disorder, response to citalopram therapy in",
        "Mondo exact synonym",
        "Major depressive disorder",
        "response",
    ),
    (
        "diabetes mellitus, noninsulin-dependent, association with",
        "Mondo exact synonym",
        "Diabetes mellitus, noninsulin-dependent",
        "response",
    ),
    ("Keratosis, seborrheic, somatic", "OMIM label, phenotype.hpoa", "Seborrheic keratosis", "somatic"),
    (
        "leukemia, megakaryoblastic, with or without Down syndrome, somatic",
        "Mondo exact synonym",
        "Down syndrome",
        "somatic",
    ),
    (
        "Gastroschisisabdominal wall defects, included",
        "OMIM label, phenotype.hpoa",
        "Gastroschisis",
        "included",
    ),
    (
        "chronic progressive external ophthalmoplegia [ambiguous]",
        "Mondo exact synonym",
        "Progressive external ophthalmoplegia",
        "flagged",
    ),
    ("neurosarcoma [obs]", "Mondo exact synonym", "Neurofibrosarcoma", "flagged"),
    (
        "complete transposition (morphologic abnormality)",
        "Mondo exact synonym",
        "Situs inversus totalis",
        "morphology",
    ),
    ("GARD:0000632", "Mondo exact synonym", "Familial Alzheimer disease", "identifier"),
    # Names, though they use a rule's word or look like a record.
    ("Canale-Smith syndrome", "GARD synonym", "Autoimmune lymphoproliferative syndrome", None),
    ("ALPS", "GARD synonym", "Autoimmune lymphoproliferative syndrome", None),
    ("CF", "GARD synonym", "Cystic fibrosis", None),
    ("mucoviscidosis", "Mondo exact synonym", "Cystic fibrosis", None),
    ("Down syndrome", "GARD name", "Down syndrome", None),
    ("trisomy 21", "Mondo exact synonym", "Down syndrome", None),
    ("NF1", "GARD synonym, also the gene's symbol", "Neurofibromatosis type 1", None),
    (
        "Mendelian susceptibility to mycobacterial diseases",
        "GARD name",
        "Mendelian susceptibility to mycobacterial diseases",
        None,
    ),
    (
        "susceptibility to infection due to TYK2 deficiency",
        "Mondo exact synonym",
        "Immunodeficiency 35",
        None,
    ),
    (
        "Li-Fraumeni familial cancer susceptibility syndrome",
        "Mondo exact synonym",
        "Li-Fraumeni syndrome",
        None,
    ),
    (
        "Glucocorticoid resistance",
        "OMIM label, phenotype.hpoa",
        "Generalized glucocorticoid resistance syndrome",
        None,
    ),
    (
        "Pineal hyperplasia, insulin-resistant diabetes mellitus, and somatic abnormalities",
        "OMIM label, phenotype.hpoa",
        "Rabson-Mendenhall syndrome",
        None,
    ),
    (
        "hyperzincemia and hypercalprotectinemia",
        "Mondo exact synonym",
        "Hyperzincemia with functional zinc depletion",
        None,
    ),
    ("thromboangiitis obliterans [Buerger's disease]", "Mondo exact synonym", "Buerger disease", None),
    ("47,XXX", "Mondo exact synonym", "Trisomy X", None),
    # A page that is itself such a record keeps the other ways of writing it.
    (
        "celiac disease, susceptibility to, type 1",
        "Mondo exact synonym",
        "Celiac disease, susceptibility to, 1",
        None,
    ),
    (
        "Insulin-Like growth factor I, resistance to",
        "OMIM label, phenotype.hpoa",
        "Growth delay due to insulin-like growth factor I resistance",
        None,
    ),
    ("esophageal carcinoma, somatic", "Mondo exact synonym", "Esophageal cancer, somatic", None),
]


@pytest.mark.parametrize(("text", "source", "page_name", "verdict"), REAL_TEXTS)
def test_real_texts_get_their_verdict(text, source, page_name, verdict):
    rule = rejecting_rule(text, page_name)
    assert (rule.name if rule else None) == verdict, f"{text!r} from {source}"


def test_every_rule_has_a_real_example_and_says_why():
    examples = {verdict for *_, verdict in REAL_TEXTS}
    for rule in RULES:
        assert rule.name in examples
        assert rule.why.endswith(".")
