"""The real package files, imported once per session by the ``real_data`` fixture (tests/conftest.py)."""

import re

import pytest

from diseases.models import Annotation, Disease, Phenotype, PhenotypeSynonym

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
    assert Disease.objects.published().filter(gard_id__isnull=False).count() == 5_958
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
