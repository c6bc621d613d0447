"""Comparing diseases at /compare/?d=<slug>&d=<slug>: the symptom table, the facts, and bad input."""

import pytest
from django.urls import reverse

from diseases import matching, search
from diseases.comparison import MAX_DISEASES
from diseases.models import Annotation, Disease, DiseaseRedirect
from tests.factories import (
    AnnotationFactory,
    DiseaseCharacteristicFactory,
    DiseaseFactory,
    DiseaseGeneFactory,
    GeneFactory,
    PhenotypeSynonymFactory,
    disease_with_annotations,
    disease_with_everything,
    phenotype_tree,
)

pytestmark = pytest.mark.django_db
BAND = Annotation.Band


def compare(client, *slugs, **extra):
    return client.get(reverse("diseases:compare"), {"d": list(slugs), **extra})


@pytest.fixture
def tree():
    t = phenotype_tree()
    PhenotypeSynonymFactory(phenotype=t.bruise, name="Bruise easily")
    return t


@pytest.fixture
def pair(tree):
    """Two diseases sharing bruising, one with seizures and the other focal seizures, each with one of its own."""
    first = disease_with_annotations(
        "Bleeding and seizures",
        (tree.bruise, BAND.VERY_FREQUENT),
        (tree.seizure, BAND.FREQUENT),
        (tree.nosebleed, BAND.OCCASIONAL),
    )
    second = disease_with_annotations(
        "Bruising and focal epilepsy",
        (tree.bruise, BAND.RARE),
        (tree.focal, BAND.VERY_FREQUENT),
        (tree.dry_skin, BAND.FREQUENT),
    )
    # Fillers make the seizure branch informative, as it is in the real catalogue.
    for index in range(8):
        disease_with_annotations(f"Skin disease {index}", (tree.dry_skin, BAND.FREQUENT))
    matching.build_similarity_index()
    return first, second


def rows_by_term(rows):
    return {row.phenotype.name: row for row in rows}


def test_two_diseases_share_a_symptom_and_each_has_its_own(client, pair):
    first, second = pair
    result = compare(client, first.slug, second.slug).context["result"]
    shared = rows_by_term(result.shared_by_all)
    assert [cell.band_label for cell in shared["Bruising susceptibility"].cells] == ["80–99%", "1–4%"]
    assert [entry[0].phenotype.name for entry in result.only_in_one[0].entries] == ["Epistaxis"]
    assert [entry[0].phenotype.name for entry in result.only_in_one[1].entries] == ["Dry skin"]
    assert result.shared_by_some == []


def test_seizure_and_focal_seizure_share_a_row_named_by_the_general_term(client, pair):
    first, second = pair
    response = compare(client, first.slug, second.slug)
    seizure = rows_by_term(response.context["result"].shared_by_all)["Seizure"]
    own, specific = seizure.cells
    assert [term.phenotype.name for term in own.terms] == ["Seizure"] and own.specific_terms == []
    assert [term.phenotype.name for term in specific.specific_terms] == ["Focal-onset seizure"]
    assert specific.band_label == "80–99%"
    html = response.content.decode()
    assert '<span class="cell-term">as Focal-onset seizure</span>' in html


def test_without_the_matching_index_only_identical_terms_share_a_row(client, pair):
    from diseases.models import SimilarityIndex

    SimilarityIndex.objects.all().delete()
    first, second = pair
    result = compare(client, first.slug, second.slug).context["result"]
    assert list(rows_by_term(result.shared_by_all)) == ["Bruising susceptibility"]
    assert "Identical" not in result.related_by and "Only identical" in result.related_by


def test_a_very_general_term_does_not_gather_every_sign_under_it(client, tree, pair):
    first, second = pair
    general = disease_with_annotations("Nervous system disease", (tree.nervous, BAND.FREQUENT))
    # As in the real catalogue, many diseases have some sign of the nervous system.
    for index in range(3):
        disease_with_annotations(f"Epilepsy {index}", (tree.generalized, BAND.FREQUENT))
    matching.build_similarity_index()
    result = compare(client, first.slug, general.slug).context["result"]
    assert result.shared_by_all == []


def test_plain_words_come_first_in_the_symptom_column(client, pair):
    first, second = pair
    html = compare(client, first.slug, second.slug).content.decode()
    assert '<th scope="row">Bruise easily <span class="muted">(Bruising susceptibility)</span></th>' in html


def test_three_diseases_have_symptoms_shared_by_some(client, tree, pair):
    first, second = pair
    third = disease_with_annotations("Nosebleed disease", (tree.nosebleed, BAND.FREQUENT))
    result = compare(client, first.slug, second.slug, third.slug).context["result"]
    some = rows_by_term(result.shared_by_some)
    assert some["Epistaxis"].cells[1] is None and some["Epistaxis"].cells[2].band_label == "30–79%"
    assert "Bruising susceptibility" in some  # the third disease does not list it


def test_inheritance_genes_and_onset_are_side_by_side_where_known(client, tree, pair):
    first, second = pair
    DiseaseCharacteristicFactory(disease=first, phenotype=tree.inheritance)
    DiseaseGeneFactory(disease=second, gene=GeneFactory(symbol="SCN1A"))
    response = compare(client, first.slug, second.slug)
    facts = {fact.key: fact.values for fact in response.context["result"].facts}
    assert facts == {"inheritance": [["Autosomal dominant inheritance"], []], "genes": [[], ["SCN1A"]]}
    assert "Not known" in response.content.decode()


NOT_A_FEATURE = {"is_excluded": True}


def test_a_symptom_one_disease_is_said_not_to_have_is_shown_where_the_other_lists_it(client, tree, pair):
    first, second = pair
    AnnotationFactory(disease=second, phenotype=tree.nosebleed, band=BAND.NOT_AVAILABLE, **NOT_A_FEATURE)
    AnnotationFactory(disease=second, phenotype=tree.splenomegaly, band=BAND.NOT_AVAILABLE, **NOT_A_FEATURE)
    response = compare(client, first.slug, second.slug)
    result = response.context["result"]
    assert result.not_features[0].entries == []
    [nosebleed] = result.not_features[1].entries  # nobody lists splenomegaly: nothing to set it against
    assert nosebleed.phenotype == tree.nosebleed
    assert [(disease, cell.band_label) for disease, cell in nosebleed.listed_by] == [(first, "5–29%")]
    html = response.content.decode()
    assert '<h2 id="compare-not-features-title">Said not to be a feature</h2>' in html
    assert "Not a feature of Bruising and focal epilepsy</h3>" in html
    # In the table too, beside the disease that lists it.
    assert '<span class="cell-term not-feature">Not a feature of Bruising and focal epilepsy</span>' in html
    assert "Splenomegaly" not in html


def test_a_symptom_said_not_to_be_a_feature_is_set_against_its_more_specific_forms(client, tree, pair):
    _, focal = pair
    no_seizures = disease_with_annotations(
        "Bruising without seizures",
        (tree.bruise, BAND.FREQUENT),
        (tree.seizure, BAND.NOT_AVAILABLE, NOT_A_FEATURE),
    )
    result = compare(client, no_seizures.slug, focal.slug).context["result"]
    [seizure] = result.not_features[0].entries
    assert seizure.phenotype == tree.seizure
    [(disease, cell)] = seizure.listed_by
    assert disease == focal and [term.phenotype for term in cell.terms] == [tree.focal]
    assert seizure.row.not_features == [[tree.seizure], []]


def test_a_more_specific_form_said_not_to_be_a_feature_is_marked_in_the_shared_row(client, tree, pair):
    first, second = pair
    AnnotationFactory(disease=first, phenotype=tree.focal, band=BAND.NOT_AVAILABLE, **NOT_A_FEATURE)
    response = compare(client, first.slug, second.slug)
    seizure = rows_by_term(response.context["result"].shared_by_all)["Seizure"]
    assert seizure.not_features == [[tree.focal], []]
    assert (
        '<span class="cell-term not-feature">Not a feature: Focal-onset seizure</span>'
        in response.content.decode()
    )


def test_without_such_symptoms_there_is_no_not_a_feature_section(client, pair):
    first, second = pair
    assert 'id="not-features"' not in compare(client, first.slug, second.slug).content.decode()


@pytest.mark.parametrize("count", [3, 300])
def test_the_comparison_takes_the_same_queries_for_3_or_300_symptoms(
    client, django_assert_num_queries, count
):
    first, second = disease_with_everything(count), disease_with_everything(count)
    # The slugs, the diseases, their symptom rows, everyday names, genes and characteristics, and
    # the matching index (one small query when it is already loaded).
    with django_assert_num_queries(7):
        response = compare(client, first.slug, second.slug)
    assert [listed for _, listed in response.context["result"].symptom_counts] == [count, count]


def test_unknown_unpublished_and_malformed_addresses_get_a_clear_message(client, pair):
    first, second = pair
    draft = DiseaseFactory(name="Secret draft", status=Disease.Status.DRAFT)
    response = compare(client, first.slug, "no-such-page", draft.slug, "<script>", "a\x00b", second.slug)
    assert response.status_code == 200
    html = response.content.decode()
    assert "No published disease page has the address “no-such-page”." in html
    assert f"No published disease page has the address “{draft.slug}”." in html
    assert "Secret draft" not in html
    assert "“&lt;script&gt;” is not the address of a disease page." in html
    assert [disease.slug for disease in response.context["selection"].diseases] == [first.slug, second.slug]
    assert response.context["result"] is not None


def test_more_than_four_diseases_keeps_the_first_four_and_says_so(client):
    diseases = [DiseaseFactory() for _ in range(MAX_DISEASES + 1)]
    response = compare(client, *[disease.slug for disease in diseases])
    assert len(response.context["result"].diseases) == MAX_DISEASES
    assert "You can compare up to 4 diseases at once" in response.content.decode()


def test_one_disease_asks_for_another(client, pair):
    response = compare(client, pair[0].slug)
    assert "result" not in response.context
    assert "Add at least one more disease" in response.content.decode()


def test_the_address_of_a_merged_page_counts_as_that_page(client, pair):
    first, second = pair
    DiseaseRedirect.objects.create(slug="old-address", disease=second)
    result = compare(client, first.slug, "old-address").context["result"]
    assert result.diseases == [first, second]


def test_a_name_typed_without_javascript_adds_the_disease(client, pair):
    first, second = pair
    search.rebuild_search_index()
    response = compare(client, first.slug, "", add="bruising and focal epilepsy")
    assert response.status_code == 302
    assert response["Location"] == f"/compare/?d={first.slug}&d={second.slug}"


def test_an_unclear_name_offers_candidates_and_an_unknown_one_says_so(client, pair):
    first, _ = pair
    search.rebuild_search_index()
    response = compare(client, first.slug, add="skin disease")
    assert len(response.context["candidates"]) > 1
    assert "Which disease did you mean" in response.content.decode()
    response = compare(client, first.slug, add="zzqqxx")
    assert "No published disease matches “zzqqxx”." in response.content.decode()


def test_every_disease_page_has_a_compare_form_that_works_without_javascript(client, pair):
    first, _ = pair
    html = client.get(first.get_absolute_url()).content.decode()
    assert f'<form class="compare-add" action="{reverse("diseases:compare")}" method="get">' in html
    assert f'<input type="hidden" name="d" value="{first.slug}">' in html
    assert 'name="add"' in html and "Add to comparison" in html


def test_remove_links_leave_the_others(client, pair):
    first, second = pair
    html = compare(client, first.slug, second.slug).content.decode()
    assert (
        f'href="/compare/?d={second.slug}">Remove' in html
        and f'href="/compare/?d={first.slug}">Remove' in html
    )


def test_a_group_without_symptoms_of_its_own_is_compared_by_its_types_and_says_so(client, pair, tree):
    first, second = pair
    group = DiseaseFactory(name="Group of bleeding types", slug="bleeding-group")
    first.parents.add(group)
    DiseaseGeneFactory(disease=first, gene=GeneFactory(symbol="BLEED1"))
    response = compare(client, group.slug, second.slug)
    result = response.context["result"]
    assert result.from_types == [True, False]
    assert [count for _, count in result.symptom_counts] == [
        len(first.annotations.all()),
        len(second.annotations.all()),
    ]
    assert result.shared_by_all  # the group shares its type's bruising with the second disease
    html = response.content.decode()
    assert "Group of bleeding types has no symptoms recorded for itself" in html
    assert 'Group of bleeding types <span class="muted">(its types)</span>' in html
    genes = next(fact for fact in result.facts if fact.key == "genes")
    assert genes.values[0] == ["BLEED1 (in its types)"]
