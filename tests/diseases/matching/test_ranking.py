"""Symptom-set matching (diseases/matching/) on a small hand-made HPO tree."""

import math

import pytest
from django.utils import timezone

from diseases import matching
from diseases.editorial import editing
from diseases.editorial.edits import DiseaseEdit, RowChange
from diseases.matching import MatchStatus
from diseases.matching.tasks import refresh_similarity_index
from diseases.models import Annotation, Disease, SimilarityIndex
from tests.factories import matching_catalogue, phenotype_tree

pytestmark = pytest.mark.django_db


@pytest.fixture
def tree():
    return phenotype_tree()


@pytest.fixture
def diseases(tree):
    catalogue = matching_catalogue(tree)
    matching.build_similarity_index()
    return catalogue


def published_with_symptoms(d):
    return 5 + len(d.fillers)  # bleeding, spleen, focal, focal twin, seizures


def ranked(phenotypes):
    return [result.disease.name for result in matching.match(phenotypes).matches]


def explanation(result, disease_name, chosen):
    match = next(m for m in result.matches if m.disease.name == disease_name)
    return next(t for t in match.terms if t.chosen == chosen)


def test_information_content_is_minus_log_of_the_share_of_diseases_with_the_term(tree, diseases):
    data = matching.current_data()
    total = published_with_symptoms(diseases)
    # Two published diseases have bruising; the draft and the "not a feature" row do not count.
    assert data.ic[data.position(tree.bruise.pk)] == pytest.approx(-math.log(2 / total))
    # A term counts every disease annotated with it or a more specific term.
    assert data.ic[data.position(tree.seizure.pk)] == pytest.approx(-math.log(3 / total))
    assert data.ic[data.position(tree.root.pk)] == pytest.approx(0)


def test_resnik_similarity_is_the_information_content_of_the_most_informative_common_ancestor(tree, diseases):
    data = matching.current_data()
    position = data.position
    row = data.similarity_row(position(tree.focal.pk))
    assert row[position(tree.generalized.pk)] == pytest.approx(data.ic[position(tree.seizure.pk)])
    assert row[position(tree.focal.pk)] == pytest.approx(data.ic[position(tree.focal.pk)])
    assert row[position(tree.bruise.pk)] == pytest.approx(0)


def test_terms_outside_phenotypic_abnormality_are_left_out(tree, diseases):
    assert matching.current_data().position(tree.inheritance.pk) is None
    result = matching.match([tree.inheritance, tree.bruise])
    assert result.unusable == [tree.inheritance]
    assert result.matches[0].disease.name == "Bleeding disorder"


def test_a_diseases_own_symptoms_rank_it_first(tree, diseases):
    assert ranked([tree.bruise, tree.nosebleed])[0] == "Bleeding disorder"
    assert ranked([tree.splenomegaly, tree.dry_skin])[0] == "Spleen disease"


def test_a_very_frequent_symptom_counts_more_than_a_rare_one(tree, diseases):
    assert ranked([tree.splenomegaly])[:2] == ["Spleen disease", "Bleeding disorder"]
    assert ranked([tree.bruise])[:2] == ["Bleeding disorder", "Spleen disease"]


def test_a_chosen_symptom_that_is_not_a_feature_counts_against_the_disease(tree, diseases):
    # The two epilepsies are alike except that one is annotated "bruising: not a feature".
    data = matching.current_data()
    scores = matching.score_diseases(data, [data.position(tree.focal.pk), data.position(tree.bruise.pk)])
    index = {int(pk): position for position, pk in enumerate(data.disease_ids)}
    assert scores[index[diseases.focal.pk]] < scores[index[diseases.focal_twin.pk]]
    names = ranked([tree.focal, tree.bruise])
    assert "Focal epilepsy" not in names or names.index("Focal epilepsy twin") < names.index("Focal epilepsy")


def test_unpublished_diseases_and_hidden_rows_never_match(tree, diseases):
    bleeding = ranked([tree.bruise, tree.nosebleed])
    assert bleeding[0] == "Bleeding disorder"  # the published twin of the draft is found
    assert "Draft bleeding disease" not in bleeding
    spleen = ranked([tree.splenomegaly])
    assert spleen[0] == "Spleen disease"
    assert "Hidden spleen disease" not in spleen


def test_a_disease_unpublished_after_the_index_was_built_is_not_shown(tree, diseases):
    assert ranked([tree.bruise, tree.nosebleed])[0] == "Bleeding disorder"
    Disease.objects.filter(pk=diseases.bleeding.pk).update(status=Disease.Status.DRAFT)
    after = ranked([tree.bruise, tree.nosebleed])
    assert after and "Bleeding disorder" not in after


@pytest.mark.parametrize(
    ("disease_name", "chosen", "status", "disease_term"),
    [
        ("Bleeding disorder", "bruise", MatchStatus.EXACT, "bruise"),
        ("Focal epilepsy twin", "seizure", MatchStatus.MORE_SPECIFIC, "focal"),
        ("Seizure disorder", "focal", MatchStatus.MORE_GENERAL, "seizure"),
        ("Focal epilepsy twin", "generalized", MatchStatus.RELATED, "focal"),
        ("Focal epilepsy twin", "splenomegaly", MatchStatus.MISSING, None),
        ("Focal epilepsy", "bruise", MatchStatus.EXCLUDED, "bruise"),
    ],
)
def test_each_chosen_symptom_says_how_the_disease_matches_it(
    tree, diseases, disease_name, chosen, status, disease_term
):
    # A second symptom the disease has keeps it in the results.
    anchor = {"Bleeding disorder": tree.nosebleed, "Seizure disorder": tree.seizure}.get(
        disease_name, tree.focal
    )
    chosen_term = getattr(tree, chosen)
    result = matching.match([chosen_term, anchor] if chosen_term != anchor else [chosen_term])
    explained = explanation(result, disease_name, chosen_term)
    assert explained.status == status
    assert explained.disease_term == (getattr(tree, disease_term) if disease_term else None)
    if status == MatchStatus.RELATED:
        assert explained.link_term == tree.seizure


def test_matching_is_not_ready_without_an_index(tree, diseases):
    assert matching.match([tree.bruise]).ready
    SimilarityIndex.objects.all().delete()
    result = matching.match([tree.bruise])
    assert not result.ready and result.matches == []


def test_the_index_is_loaded_once_and_again_after_a_rebuild(tree, diseases, django_assert_num_queries):
    first = matching.current_data()
    with django_assert_num_queries(1):
        assert matching.current_data() is first
    matching.build_similarity_index()
    with django_assert_num_queries(1):
        second = matching.current_data()
    assert second is not first
    assert SimilarityIndex.objects.count() == 1


def test_match_query_count_does_not_grow_with_symptoms(tree, diseases, django_assert_num_queries):
    matching.current_data()
    for chosen in ([tree.bruise], [tree.bruise, tree.nosebleed, tree.focal, tree.seizure, tree.splenomegaly]):
        # The index check, the published diseases and the names of the terms in the explanations.
        with django_assert_num_queries(3):
            matching.match(chosen)


def test_saving_a_disease_queues_a_refresh_that_picks_up_its_new_symptoms(
    tree, diseases, staff_user, immediate_tasks, django_capture_on_commit_callbacks
):
    assert "Seizure disorder" not in ranked([tree.splenomegaly])
    new_row = RowChange(None, {"phenotype_id": tree.splenomegaly.pk, "band": Annotation.Band.VERY_FREQUENT})
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        editing.apply_edit(
            disease=diseases.seizures,
            edit=DiseaseEdit(rows={"annotations": [new_row]}),
            acting_user=staff_user,
        )
    assert len(callbacks) == 1
    assert "Seizure disorder" in ranked([tree.splenomegaly])


def test_a_refresh_asked_for_before_the_newest_build_is_skipped(diseases):
    asked = timezone.now().isoformat()
    matching.build_similarity_index()
    built = SimilarityIndex.objects.get().pk
    assert refresh_similarity_index.call(asked) is False
    assert SimilarityIndex.objects.get().pk == built


def test_a_group_without_symptoms_of_its_own_is_found_by_its_types_but_never_above_them(tree, diseases):
    from tests.factories import DiseaseFactory

    group = DiseaseFactory(name="Bleeding and spleen group")
    for member in (diseases.bleeding, diseases.spleen):
        member.parents.add(group)
    empty_group = DiseaseFactory(name="Group of types without symptoms")
    DiseaseFactory(name="Type without symptoms").parents.add(empty_group)
    index = matching.build_similarity_index()
    assert index.disease_count == published_with_symptoms(diseases) + 1  # the group, not the empty one

    names = ranked([tree.bruise, tree.nosebleed])
    assert "Bleeding and spleen group" in names
    assert names.index("Bleeding disorder") < names.index("Bleeding and spleen group")
    # Even where the group explains the symptoms as well as its best type does.
    for chosen in ([tree.splenomegaly], [tree.bruise, tree.nosebleed, tree.splenomegaly]):
        scores = {result.disease.name: result.score for result in matching.match(chosen).matches}
        best_type = max(scores["Bleeding disorder"], scores["Spleen disease"])
        assert scores["Bleeding and spleen group"] < best_type


def test_a_groups_rows_do_not_change_how_much_a_symptom_says(tree, diseases):
    before = matching.current_data().ic.copy()
    from tests.factories import DiseaseFactory

    group = DiseaseFactory(name="Bleeding group")
    diseases.bleeding.parents.add(group)
    matching.build_similarity_index()
    assert (matching.current_data().ic == before).all()
