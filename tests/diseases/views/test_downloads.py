import csv
import io

import pytest

from diseases.models import Annotation, Disease
from diseases.pages.symptoms import SYMPTOM_COLUMNS as COLUMNS
from tests.factories import (
    AnnotationFactory,
    DataReleaseFactory,
    DiseaseFactory,
    PhenotypeSynonymFactory,
    disease_with_symptoms,
)

pytestmark = pytest.mark.django_db


def csv_rows(response):
    return list(csv.reader(io.StringIO(response.content.decode("utf-8"))))


@pytest.fixture
def disease():
    """A page with one frequent symptom, one rare one, one "not a feature" and one hidden row."""
    disease = DiseaseFactory(slug="canale-example-syndrome")
    spleen = AnnotationFactory(
        disease=disease,
        band=Annotation.Band.VERY_FREQUENT,
        phenotype__hpo_id="HP:0001744",
        phenotype__name="Splenomegaly",
        frequency="HP:0040281",
        onset="HP:0003593",
        source_record="ORPHA:3261",
        evidence="TAS",
    )
    PhenotypeSynonymFactory(phenotype=spleen.phenotype, name="big spleen")
    PhenotypeSynonymFactory(phenotype=spleen.phenotype, name="enlarged spleen")
    AnnotationFactory(
        disease=disease,
        band=Annotation.Band.RARE,
        phenotype__hpo_id="HP:0000100",
        phenotype__name="Nephrotic syndrome",
        frequency="1/40",
        source_record="OMIM:601859",
        evidence="PCS",
    )
    AnnotationFactory(
        disease=disease,
        phenotype__hpo_id="HP:0002240",
        phenotype__name="Hepatomegaly",
        is_excluded=True,
        source_record="ORPHA:3261",
        evidence="IEA",
    )
    AnnotationFactory(disease=disease, phenotype__name="Hidden by an editor", is_hidden=True)
    DataReleaseFactory(version="2025-05-06")
    return disease


def test_csv_download_has_a_header_and_the_page_rows_with_provenance(client, disease):
    response = client.get(f"/diseases/{disease.slug}/symptoms.csv")

    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="canale-example-syndrome-symptoms.csv"'
    rows = csv_rows(response)
    assert rows[0] == COLUMNS
    assert rows[1:] == [
        [
            "HP:0001744",
            "Splenomegaly",
            "big spleen; enlarged spleen",
            "1",
            "80–99%",
            "HP:0040281",
            "HP:0003593",
            "false",
            "ORPHA:3261",
            "TAS",
            "2025-05-06",
        ],
        [
            "HP:0000100",
            "Nephrotic syndrome",
            "",
            "4",
            "1–4%",
            "1/40",
            "",
            "false",
            "OMIM:601859",
            "PCS",
            "2025-05-06",
        ],
        [
            "HP:0002240",
            "Hepatomegaly",
            "",
            "2",
            "30–79%",
            "HP:0040282",
            "",
            "true",
            "ORPHA:3261",
            "IEA",
            "2025-05-06",
        ],
    ]


def test_json_download_carries_the_same_rows_as_the_csv(client, disease):
    csv_response = client.get(f"/diseases/{disease.slug}/symptoms.csv")
    response = client.get(f"/diseases/{disease.slug}/symptoms.json")

    assert response.status_code == 200
    assert response["Content-Type"] == "application/json; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="canale-example-syndrome-symptoms.json"'
    document = response.json()
    assert document["disease"] == {
        "name": disease.name,
        "slug": disease.slug,
        "url": f"http://testserver/diseases/{disease.slug}/",
    }
    assert document["hpo_release"]["version"] == "2025-05-06"
    assert "not medical advice" in document["notice"]
    assert document["columns"] == COLUMNS
    as_text = [
        [
            "; ".join(value)
            if isinstance(value, list)
            else str(value).lower()
            if isinstance(value, bool)
            else str(value)
            for value in (row[column] for column in COLUMNS)
        ]
        for row in document["symptoms"]
    ]
    assert as_text == csv_rows(csv_response)[1:]
    assert document["symptoms"][0]["lay_names"] == ["big spleen", "enlarged spleen"]
    assert document["symptoms"][2]["not_a_feature"] is True


def test_downloads_list_what_the_page_shows_in_the_same_order(client, disease):
    page = client.get(disease.get_absolute_url()).content.decode()
    rows = client.get(f"/diseases/{disease.slug}/symptoms.json").json()["symptoms"]
    positions = [page.index(row["hpo_id"]) for row in rows]
    assert positions == sorted(positions)
    assert "Hidden by an editor" not in page


def test_downloads_name_no_release_before_any_import(client):
    disease = disease_with_symptoms(1)
    assert csv_rows(client.get(f"/diseases/{disease.slug}/symptoms.csv"))[1][-1] == ""
    assert client.get(f"/diseases/{disease.slug}/symptoms.json").json()["hpo_release"] is None


def test_csv_cells_that_a_spreadsheet_would_run_as_formulas_are_neutralised(client):
    disease = DiseaseFactory()
    AnnotationFactory(disease=disease, phenotype__name='=HYPERLINK("http://evil.example")')
    row = csv_rows(client.get(f"/diseases/{disease.slug}/symptoms.csv"))[1]
    assert row[1] == '\'=HYPERLINK("http://evil.example")'


@pytest.mark.parametrize("status", [Disease.Status.DRAFT, Disease.Status.REVIEW])
@pytest.mark.parametrize("kind", ["csv", "json"])
def test_downloads_of_unpublished_diseases_are_404(client, admin_client, status, kind):
    disease = disease_with_symptoms(2, status=status)
    assert client.get(f"/diseases/{disease.slug}/symptoms.{kind}").status_code == 404
    assert admin_client.get(f"/diseases/{disease.slug}/symptoms.{kind}").status_code == 404
    # Published, the same page's table downloads for both.
    Disease.objects.filter(pk=disease.pk).update(status=Disease.Status.PUBLISHED)
    for reader in (client, admin_client):
        response = reader.get(f"/diseases/{disease.slug}/symptoms.{kind}")
        assert response.status_code == 200 and disease.slug in response["Content-Disposition"]


@pytest.mark.parametrize("kind", ["csv", "json"])
def test_downloads_answer_304_when_the_client_has_them(client, disease, kind):
    url = f"/diseases/{disease.slug}/symptoms.{kind}"
    etag = client.get(url)["ETag"]
    response = client.get(url, headers={"If-None-Match": etag})
    assert response.status_code == 304
    assert response.content == b""


@pytest.mark.parametrize("kind", ["csv", "json"])
def test_downloads_refuse_writes(client, disease, kind):
    assert client.post(f"/diseases/{disease.slug}/symptoms.{kind}").status_code == 405


def test_disease_page_links_to_both_downloads(client, disease):
    html = client.get(disease.get_absolute_url()).content.decode()
    assert f'href="/diseases/{disease.slug}/symptoms.csv"' in html
    assert f'href="/diseases/{disease.slug}/symptoms.json"' in html


def test_draft_preview_offers_no_download_links(admin_client):
    disease = disease_with_symptoms(2, status=Disease.Status.DRAFT)
    response = admin_client.get(disease.get_absolute_url())
    html = response.content.decode()
    assert response.status_code == 200 and "Draft preview" in html
    assert "2 symptoms" in html  # the table is there, only its download links are not
    assert "symptoms.csv" not in html


def test_download_query_count_does_not_grow_with_symptoms(client, django_assert_num_queries, no_page_cache):
    small, large = disease_with_symptoms(3), disease_with_symptoms(300)
    DataReleaseFactory()
    # The disease, its symptom rows with their terms, their everyday names, and the HPO release.
    with django_assert_num_queries(4):
        client.get(f"/diseases/{small.slug}/symptoms.csv")
    with django_assert_num_queries(4):
        response = client.get(f"/diseases/{large.slug}/symptoms.csv")
    assert len(csv_rows(response)) == 301
