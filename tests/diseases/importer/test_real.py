"""The real package files, imported once per session by the ``real_data`` fixture (tests/conftest.py)."""

import re

import pytest
from django.db.models import Q

from diseases.models import Annotation, Disease, ExternalIdentifier, Phenotype, PhenotypeSynonym, SearchTerm

pytestmark = [pytest.mark.slow, pytest.mark.django_db]


Band = Annotation.Band


ALPS_SLUG = "autoimmune-lymphoproliferative-syndrome"


@pytest.fixture
def alps(real_data):
    assert real_data["hpo"].version == "2025-01-16", "these expectations are those of the 2025-01-16 release"
    return Disease.objects.get(slug=ALPS_SLUG)


def test_the_whole_catalogue_is_loaded(real_data):
    assert Phenotype.objects.count() == 19_484
    assert PhenotypeSynonym.objects.filter(is_lay=True).count() > 8_000
    # Every GARD entry is on a published page; those Mondo calls one disease share one.
    gard_on_pages = ExternalIdentifier.objects.filter(source="GARD", disease__in=Disease.objects.published())
    assert gard_on_pages.count() == 5_958
    assert Disease.objects.published().filter(gard_id__isnull=False).count() < 5_958
    assert real_data["hpoa"].version == "2025-01-16"


def test_alps_is_one_page_with_gard_orphanet_and_omim(alps):
    assert Disease.objects.filter(identifiers__source="ORPHA", identifiers__code="3261").get() == alps
    assert Disease.objects.filter(identifiers__source="OMIM", identifiers__code="601859").get() == alps
    assert alps.gard_id == 8686


def test_alps_has_gard_categories_and_other_names(alps):
    assert {c.name for c in alps.categories.all()} == {"Cancer", "Genetics", "Hematology"}
    assert {"ALPS", "Canale-Smith syndrome"} <= {s.name for s in alps.synonyms.all()}


def test_alps_symptom_bands_follow_orphanet_where_it_gives_a_frequency(alps):
    rows = {a.phenotype.hpo_id: a for a in alps.annotations.select_related("phenotype")}
    very_frequent = {hpo_id for hpo_id, a in rows.items() if a.band == Band.VERY_FREQUENT}
    assert very_frequent == {"HP:0001744", "HP:0002716", "HP:0002730", "HP:0002960"}
    # OMIM lists splenomegaly too, without a frequency: Orphanet's 80–99% wins.
    assert (rows["HP:0001744"].frequency, rows["HP:0001744"].source_record) == ("HP:0040281", "ORPHA:3261")
    # Terms only OMIM gives have no frequency.
    assert rows["HP:0001891"].band == Band.NOT_AVAILABLE and rows["HP:0001891"].source_record == "OMIM:601859"


def test_the_alps_page_shows_splenomegaly_in_the_top_band_with_its_lay_name(alps, client):
    html = client.get(alps.get_absolute_url()).content.decode()
    top_band = html[html.index('id="band-1"') : html.index('id="band-2"')]
    assert re.search(r"Splenomegaly</th>\s*<td>Increased spleen size; Large spleen</td>", top_band)
    assert "Swollen lymph nodes" in top_band
    assert "Canale-Smith syndrome" in html
    assert "https://www.orpha.net/en/disease/detail/3261" in html and "https://omim.org/entry/601859" in html
    assert "HPO release 2025-01-16" in html


def test_the_splenomegaly_page_lists_alps_among_very_frequent(real_data, client):
    html = client.get("/symptoms/HP:0001744/").content.decode()
    start = html.index("How often: 80–99%")
    very_frequent = html[start : html.index("</ul>", start)]
    assert f'href="/diseases/{ALPS_SLUG}/"' in very_frequent
    assert "Increased spleen size" in html
    assert "Abnormal increased size of the spleen." in html
    assert "HPO release 2025-01-16" in html


def test_cystic_fibrosis_is_caused_by_cftr_and_autosomal_recessive(real_data, client):
    cf = Disease.objects.get(gard_id=6233)
    assert {"OMIM:219700", "ORPHA:586", "MONDO:0009061"} <= {i.curie for i in cf.identifiers.all()}
    assert [link.gene.symbol for link in cf.gene_links.filter(is_main=True)] == ["CFTR"]
    html = client.get(cf.get_absolute_url()).content.decode()
    assert "Autosomal recessive inheritance" in html and "1 in 4 chance" in html
    assert "Mondo release v2026-05-05" in html and "CF transmembrane conductance regulator" in html


def test_cystic_fibrosis_has_no_modifier_or_susceptibility_record_among_its_other_names(real_search):
    cf = Disease.objects.get(gard_id=6233)
    names = [synonym.name for synonym in cf.synonyms.all()]
    assert {"CF", "Mucoviscidosis"} <= set(names)
    assert not [name for name in names if "modifier" in name.lower() or "susceptibility" in name.lower()]
    records = Q(text__icontains="modifier") | Q(text__icontains="susceptibility")
    assert not SearchTerm.objects.filter(records, disease=cf).exists()
    # OMIM's own record of the modifiers stays a page of its own.
    assert Disease.objects.filter(identifiers__source="OMIM", identifiers__code="603855").exists()


def test_polycystic_kidney_disease_lists_its_types_and_they_link_back(real_data, client):
    pkd = Disease.objects.get(gard_id=7419)
    assert pkd.definitions.exists()
    html = client.get(pkd.get_absolute_url()).content.decode()
    family = html[html.index('id="family"') :]
    assert "Autosomal dominant polycystic kidney disease" in family
    assert "Polycystic kidney disease 2" in family  # a type of a type, two levels down
    dominant = pkd.subtypes.get(name="Autosomal dominant polycystic kidney disease")
    assert pkd in dominant.parents.all()


def test_search_finds_cystic_fibrosis_by_its_gene(real_search):
    from diseases import search

    top = search.search("CFTR").diseases[:3]
    assert "Cystic fibrosis" in [hit.label for hit in top]


def test_most_pages_have_a_definition_and_genes_and_few_show_only_names(real_data):
    published = Disease.objects.published()
    total = published.count()
    defined = published.filter(definitions__is_hidden=False).distinct().count()
    with_genes = published.filter(gene_links__isnull=False).distinct().count()
    names_only = published.showing_only_names().count()
    assert defined / total >= 0.80
    assert with_genes / total >= 0.50
    # GARD entries that no Mondo term names (about 470) are left with their names: the aim is 3%.
    assert names_only / total <= 0.04
