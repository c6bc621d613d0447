import re

import pytest
from django.urls import reverse

from diseases.editorial import glossary as services
from diseases.glossary.entries import ENTRIES, Entry
from diseases.models import GlossaryEntry

pytestmark = pytest.mark.django_db

GLOSSARY = reverse("diseases:glossary")


def test_the_glossary_lists_every_entry_a_to_z_with_jump_links_and_an_anchor_each(client, glossary):
    html = client.get(GLOSSARY).content.decode()

    anchors = re.findall(r'<dt id="([^"]+)">([^<]+)</dt>', html)
    assert len(anchors) == len(ENTRIES) == len(glossary)
    letters = [title[0].upper() for _, title in anchors]
    assert letters == sorted(letters)
    assert ("eeg", "EEG") in anchors and ("tetralogy-of-fallot", "Tetralogy of Fallot") in anchors
    assert '<a href="#letter-a">A</a>' in html and '<h2 id="letter-a">A</h2>' in html
    # No entry starts with Q: the letter is shown, not linked.
    assert '<span class="letter-empty">Q</span>' in html and 'id="letter-q"' not in html
    assert glossary["anemia"].explanation in html


def test_entries_under_a_letter_are_in_term_order_whatever_their_case(client, editor):
    services.load_shipped(
        [
            Entry("myopathy", ("myopathy",), "A disease of the muscles that makes them weak."),
            Entry("MRI", ("mri",), "A scan that uses a strong magnet to take pictures inside the body."),
            Entry("macrocephaly", ("macrocephaly",), "A head that is larger than usual for the age."),
        ]
    )

    html = client.get(GLOSSARY).content.decode()

    assert re.findall(r'<dt id="([^"]+)">', html) == ["macrocephaly", "mri", "myopathy"]


def test_the_glossary_says_it_explains_words_and_is_not_medical_advice(client, glossary):
    html = client.get(GLOSSARY).content.decode()

    assert "These explain words; they are not medical advice." in html


def test_an_empty_glossary_says_so(client):
    assert "There are no words in the glossary yet." in client.get(GLOSSARY).content.decode()


def test_every_page_links_to_the_glossary_from_its_footer(client):
    footer = client.get("/").content.decode().split('<footer class="site-footer">')[1]

    assert f'<a href="{GLOSSARY}">Medical words explained</a>' in footer


def test_an_entry_leads_to_its_anchor_on_the_glossary_page(glossary):
    assert glossary["anemia"].get_absolute_url() == f"{GLOSSARY}#anemia"


def test_the_glossary_reads_its_entries_in_one_query(
    client, glossary, no_page_cache, django_assert_num_queries
):
    with django_assert_num_queries(1):
        assert client.get(GLOSSARY).status_code == 200


def test_a_changed_entry_shows_at_once(client, glossary, editor):
    client.get(GLOSSARY)
    entry = GlossaryEntry.objects.get(slug="anemia")
    services.save_entry(
        entry=entry, term="anemia", forms=entry.forms, explanation="Our new words for it.", acting_user=editor
    )

    assert "Our new words for it." in client.get(GLOSSARY).content.decode()
