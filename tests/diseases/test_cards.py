"""Share cards (og:image): drawn when a page is published or renamed and by build_cards, never for a
request, served as static files kept a year, with the site's card where a page has none yet."""

import io
import re
from pathlib import Path

import pytest
from django.core.management import call_command
from django.test import Client

from diseases import cards
from diseases.editorial import editing, workflow
from diseases.editorial.edits import DiseaseEdit
from diseases.models import Disease
from tests.factories import DiseaseFactory
from tests.services import need

pytestmark = pytest.mark.django_db

NAME = "Autoimmune lymphoproliferative syndrome"


@pytest.fixture(autouse=True)
def cards_root(settings, tmp_path):
    for path in settings.CARD_FONTS.values():
        need(Path(path).is_file(), f"needs Debian's fonts-dejavu-core ({path}; make test installs it)")
    settings.CARDS_ROOT = tmp_path / "cards"
    settings.SITE_URL = "https://portal.example.org"
    return settings.CARDS_ROOT


def image_of(png):
    from PIL import Image

    return Image.open(io.BytesIO(png))


def social_tags(html):
    return dict(re.findall(r'<meta (?:property|name)="((?:og|twitter):[^"]+)" content="([^"]*)"', html))


def page(disease):
    return Client().get(disease.get_absolute_url()).content.decode()


def test_publishing_a_page_draws_its_card_and_the_page_names_it(
    reviewer, immediate_tasks, django_capture_on_commit_callbacks
):
    disease = DiseaseFactory(name=NAME, slug="alps", status=Disease.Status.REVIEW)
    with django_capture_on_commit_callbacks(execute=True):
        workflow.transition(disease=disease, action="publish", acting_user=reviewer)
    name = cards.card_name(disease)
    assert cards.card_path(name).is_file()
    tags = social_tags(page(disease))
    assert tags["og:image"] == f"https://portal.example.org/static/cards/{name}"
    assert (tags["og:image:width"], tags["og:image:height"]) == ("1200", "630")
    assert tags["og:image:alt"] == f"Rare Disease Portal: {NAME}"
    assert tags["twitter:card"] == "summary_large_image" and tags["twitter:image"] == tags["og:image"]
    assert image_of(cards.card_path(name).read_bytes()).size == (1200, 630)


def test_renaming_a_published_page_draws_a_new_card(
    staff_user, immediate_tasks, django_capture_on_commit_callbacks
):
    disease = DiseaseFactory(name=NAME, slug="alps")
    cards.make_card(disease)
    old = cards.card_name(disease)
    with django_capture_on_commit_callbacks(execute=True):
        editing.apply_edit(
            disease=disease,
            edit=DiseaseEdit(fields={"name": "Canale-Smith syndrome"}),
            acting_user=staff_user,
        )
    new = cards.card_name(disease)
    assert new != old and cards.card_path(new).is_file()
    assert social_tags(page(disease))["og:image"].endswith(new)


def test_a_page_without_its_card_shows_the_sites_and_with_none_drawn_no_picture(staff_user):
    disease = DiseaseFactory(name=NAME, slug="alps")
    tags = social_tags(page(disease))
    assert "og:image" not in tags and tags["twitter:card"] == "summary"
    cards.make_site_card()
    disease.save()  # a change, so the cached page is rendered again
    tags = social_tags(page(disease))
    assert tags["og:image"].endswith(cards.site_card_name())
    assert tags["og:image:alt"].startswith("Rare Disease Portal: ")
    assert social_tags(Client().get("/about/").content.decode())["og:image"] == tags["og:image"]


def test_build_cards_draws_the_missing_cards_and_cached_pages_show_them_at_once(capsys):
    disease = DiseaseFactory(name=NAME, slug="alps")
    DiseaseFactory(name="A draft", status=Disease.Status.DRAFT)
    assert "og:image" not in social_tags(page(disease))  # rendered and cached without a card
    call_command("build_cards")
    assert "Drew 2 share cards" in capsys.readouterr().out  # the site's and the published page's
    assert social_tags(page(disease))["og:image"].endswith(cards.card_name(disease))
    assert sorted(path.name for path in cards.card_path("").iterdir()) == sorted(
        [cards.card_name(disease), cards.site_card_name()]
    )
    call_command("build_cards")
    assert "Drew 0 share cards" in capsys.readouterr().out


def test_long_and_non_latin_names_are_wrapped_and_shrunk_to_fit():
    box = cards.WIDTH - 2 * cards.MARGIN
    short_font, short_size, short = cards._fit("Cystic fibrosis", box, 400)
    assert short == ["Cystic fibrosis"] and short_size == max(cards.SIZES)
    long_name = "Pseudohypoparathyroidism type 1A with Albright hereditary osteodystrophy " * 4
    font, size, lines = cards._fit(long_name, box, 400)
    assert size < short_size and len(lines) == cards.MAX_LINES and lines[-1].endswith("…")
    assert all(font.getlength(line) <= box for line in lines)
    greek = cards._fit("Синдром Дауна — βήτα-θαλασσαιμία", box, 400)[2]
    assert "".join(greek).replace(" ", "") == "Синдром Дауна — βήτα-θαλασσαιμία".replace(" ", "")
    word = "Dihydropyrimidinedehydrogenasedeficiency" * 3  # wider than a line on its own
    assert len(cards._fit(word, box, 400)[2]) > 1
    assert image_of(cards.draw(long_name)).size == (1200, 630)


def test_a_line_breaks_between_words_or_after_a_hyphen_never_inside_a_word_that_fits():
    name = "X-linked intellectual disability-hypogonadism-ichthyosis-obesity-short stature syndrome"
    lines = cards._fit(name, cards.WIDTH - 2 * cards.MARGIN, 400)[2]
    words = set(re.split(r"[\s-]+", name))
    assert all(part in words for line in lines for part in re.split(r"[\s-]+", line) if part)
    assert "".join(lines).replace(" ", "") == name.replace(" ", "")


def test_a_name_the_fonts_cannot_draw_gets_the_sites_card(capsys):
    disease = DiseaseFactory(name="先天性疾患", slug="congenital")
    call_command("build_cards")
    assert "No card (the site's is shown instead) for congenital" in capsys.readouterr().out
    assert cards.card_for(disease).url.endswith(cards.site_card_name())


# --- Served as static files --------------------------------------------------------------------------


def test_a_card_drawn_after_start_up_is_served_as_a_static_file_kept_a_year():
    reader = Client()
    reader.get("/about/")  # the static files were listed when this client's handler started
    disease = DiseaseFactory(name=NAME, slug="alps")
    cards.make_card(disease)
    response = reader.get(f"/static/cards/{cards.card_name(disease)}")
    assert response.status_code == 200 and response["Content-Type"] == "image/png"
    assert "immutable" in response["Cache-Control"] and "max-age=315360000" in response["Cache-Control"]
    assert b"".join(response.streaming_content) == cards.card_path(cards.card_name(disease)).read_bytes()


def test_a_card_this_machine_lacks_is_answered_with_the_sites_for_a_few_minutes():
    cards.make_site_card()
    response = Client().get("/static/cards/drawn-elsewhere-0123456789ab.png")
    assert response.status_code == 200 and response["Cache-Control"] == "max-age=300, public"
    assert b"".join(response.streaming_content) == cards.card_path(cards.site_card_name()).read_bytes()


@pytest.mark.parametrize(
    "path", ["/static/cards/../../settings.py", "/static/cards/Card.PNG", "/static/cards/x.svg"]
)
def test_no_other_file_is_served_from_the_cards_folder(path, cards_root):
    cards.make_site_card()
    (cards_root / "x.svg").write_text("<svg/>")
    assert Client().get(path).status_code == 404
