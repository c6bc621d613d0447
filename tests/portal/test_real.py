"""Every promise of the home and about pages, walked against real disease pages.

On the real catalogue (with the demo page our editors wrote, as ``make run`` loads it), each element the
home and about pages mark ``data-promise`` is read with its wording, and checked against a seeded random
sample of published pages: a page shows what is promised or says in so many words why not, the share of
sampled pages that show it fits the word or figure used, and a promise made of "every page" holds on
every one. A new promise without a check here fails the test.
"""

import math
import random
import re
from dataclasses import dataclass

import pytest
from django.contrib.humanize.templatetags.humanize import apnumber
from django.core.management import call_command
from django.template.defaultfilters import pluralize
from django.urls import reverse

from diseases.models import Disease

pytestmark = [pytest.mark.slow, pytest.mark.django_db]

SAMPLE = 40
SEED = 20261202
# How far a sample of 40 may stray from the share the copy claims: three standard errors and a margin.
SLACK = 0.05

# The shares each word of ``diseases.coverage.Share.word`` stands for.
WORD_SHARES = {
    "all": (1.0, 1.0),
    "almost all": (0.9, 1.0),
    "most": (2 / 3, 0.9),
    "many": (1 / 3, 2 / 3),
    "some": (0.05, 1 / 3),
}


def folded(html):
    return " ".join(re.sub(r"<[^>]+>", " ", html).split())


def promises_on(html) -> dict[str, str]:
    """``{key: text}`` of the elements marked ``data-promise``, tags dropped."""
    found = {}
    for _tag, key, inner in re.findall(r'<(\w+)[^>]*\sdata-promise="([^"]+)"[^>]*>(.*?)</\1>', html, re.S):
        assert key not in found, f"two promises named {key}"
        found[key] = folded(inner)
    return found


@dataclass
class Page:
    """What one disease page, as served, shows and says."""

    slug: str
    html: str

    def has(self, marker):
        return marker in self.html

    @property
    def text(self):
        return folded(self.html)

    @property
    def plain_words(self):
        return self.has('id="summary-title">In plain words<')

    @property
    def says_little(self):
        return self.has('class="little-known"')

    @property
    def says_no_plain_words(self):
        return self.has('class="plain-missing"')

    @property
    def symptoms(self):
        return self.has('class="symptom-count"')

    @property
    def types_symptoms(self):
        return self.has('id="type-symptoms-title"')

    @property
    def says_no_symptoms(self):
        return "Our sources do not list the symptoms of this disease yet." in self.text

    @property
    def frequencies(self):
        return bool(re.search(r'class="band-label">\d+–\d+% of people have these symptoms', self.html))

    @property
    def says_frequency_unknown(self):
        return self.has("How often these symptoms occur is not known")

    @property
    def definition(self):
        return self.has('id="what-it-is"')

    @property
    def genes(self):
        return self.has('id="gene-list-title"') or self.has('aria-label="Genes of its types"')

    @property
    def inheritance(self):
        return self.has("<h3>How it is inherited</h3>") or self.has("How its types are inherited:")

    @property
    def onset(self):
        return self.has("<h3>Age of onset and course</h3>")

    @property
    def family(self):
        return self.has('id="family"')

    @property
    def facts_heading(self):
        found = re.search(r'<h2 id="genes-title">([^<]*)</h2>', self.html)
        return found.group(1) if found else ""

    def section(self, key):
        return self.has(f'<section id="{key}"')

    @property
    def care_written(self):
        return self.has('<p class="page-scope">Our editors explain')

    @property
    def says_no_care(self):
        return "Our editors have not yet written how this disease is diagnosed or treated." in self.text

    @property
    def editor_help(self):
        return self.has('id="res-specialists"') or self.has('id="res-organisations"')

    @property
    def says_no_help_listed(self):
        return "We have not yet listed specialists, support groups or other services" in self.text

    @property
    def learn_more(self):
        return self.has('id="res-learn_more"') and self.has("orpha.net")

    @property
    def connect(self):
        return self.has(f'href="{reverse("support:connect")}?disease={self.slug}"')

    @property
    def sheet(self):
        return self.has(f'href="{reverse("diseases:sheet", args=[self.slug])}"')

    @property
    def notice(self):
        return "This page gives general information, not medical advice." in self.text

    @property
    def plain_sources(self):
        """Sentences made from the page's facts, each naming its source."""
        made = re.search(r'<ul class="plain-sentences">(.*?)</ul>', self.html, re.S)
        return bool(made) and made.group(1).count("<li>") == made.group(1).count('class="plain-source"')

    @property
    def shows_more_than_names(self):
        return any(
            [
                self.definition,
                self.symptoms,
                self.types_symptoms,
                self.genes,
                self.inheritance,
                self.onset,
                self.has("A type of:"),
                self.has('id="subtypes-title"'),
                self.has("Written by our editors"),
            ]
        )


# For each promise: what a page shows when it keeps it, and what a page that does not must do instead
# (say why, or claim nothing of it). ``None`` for a promise every page must keep.
CHECKS = {
    "plain_words": (lambda p: p.plain_words, lambda p: p.says_little or p.says_no_plain_words),
    "symptoms": (lambda p: p.symptoms, lambda p: p.types_symptoms or p.says_no_symptoms),
    "frequencies": (lambda p: p.frequencies, lambda p: not p.symptoms or p.says_frequency_unknown),
    "symptoms_from_types": (lambda p: p.types_symptoms, lambda p: p.symptoms or p.says_no_symptoms),
    "definition": (lambda p: p.definition, lambda p: not p.has('href="#what-it-is"')),
    "genes": (lambda p: p.genes, lambda p: "Genes" not in p.facts_heading),
    "inheritance": (lambda p: p.inheritance, lambda p: "nheritance" not in p.facts_heading),
    "onset": (lambda p: p.onset, lambda p: "onset" not in p.facts_heading),
    "family": (lambda p: p.family, lambda p: not p.has('href="#family"')),
    "diagnosis": (lambda p: p.section("diagnosis"), lambda p: not p.has('href="#diagnosis"')),
    "treatment": (lambda p: p.section("treatment"), lambda p: not p.has('href="#treatment"')),
    "diagnosis_or_treatment": (
        lambda p: p.care_written and (p.section("diagnosis") or p.section("treatment")),
        lambda p: p.says_no_care or p.says_little,
    ),
    "specialists_or_organisations": (lambda p: p.editor_help, lambda p: p.says_no_help_listed),
    "little": (lambda p: p.says_little, lambda p: p.shows_more_than_names),
    "written": (lambda p: p.has("Written by our editors"), lambda p: not p.has("Written by our editors")),
    "plain_sources": (lambda p: p.plain_sources, lambda p: not p.has('class="plain-sentences"')),
    "learn_more": (lambda p: p.learn_more, None),
    "connect": (lambda p: p.connect, None),
    "notice": (lambda p: p.notice, None),
    "every_page": (lambda p: p.learn_more and p.connect and p.sheet, None),
    "about": (lambda p: (p.plain_words or p.says_little or p.says_no_plain_words) and p.connect, None),
    "from_gard": (
        lambda p: p.has(">GARD:"),
        lambda p: p.has(">ORPHA:") or p.has(">OMIM:") or p.has(">DECIPHER:"),
    ),
}


def claimed_share(text, catalogue_size):
    """The shares (lowest, highest) a promise's wording claims, or None when it names none (a count, a gap)."""
    if found := re.search(r"(\d[\d,]*) (\d+|less than 1)%$", text):  # a row of the about page's table
        share = int(found.group(1).replace(",", "")) / catalogue_size
        return share, share
    if found := re.search(r"\((\d+)%\)", text):  # a figure in a sentence, rounded down
        return int(found.group(1)) / 100, (int(found.group(1)) + 1) / 100
    for word in sorted(WORD_SHARES, key=len, reverse=True):
        if text.lower().startswith(word + " "):
            return WORD_SHARES[word]
    return None


def pages_named(count):
    """As the copy names a small number of pages: "one page", "three pages"."""
    return f"{apnumber(count)} page{pluralize(count)}"


def within(sample_share, claimed, n):
    """Whether a sample of ``n`` pages could come from a catalogue with the share claimed."""
    low, high = claimed
    spread = 3 * math.sqrt(max(low * (1 - low), high * (1 - high)) / n) + SLACK
    return low - spread <= sample_share <= high + spread


@dataclass
class Catalogue:
    size: int  # published pages
    sample: list  # Page: a seeded random sample of them
    written: list  # Page: those with our editors' text, too few for a sample to meet

    @property
    def pages(self):
        return [*self.sample, *(page for page in self.written if page.slug not in self.sampled)]

    @property
    def sampled(self):
        return {page.slug for page in self.sample}


def served(client, diseases):
    return [
        Page(disease.slug, client.get(disease.get_absolute_url()).content.decode()) for disease in diseases
    ]


@pytest.fixture
def catalogue(client, real_data, no_page_cache):
    """The real catalogue with the demo page, as `make run` serves it, and the pages to walk."""
    call_command("load_demo", verbosity=0)
    published = Disease.objects.published()
    ids = sorted(published.values_list("pk", flat=True))
    sample = published.filter(pk__in=random.Random(SEED).sample(ids, SAMPLE)).order_by("pk")
    written = published.with_written_content().order_by("pk")
    return Catalogue(len(ids), served(client, sample), served(client, written))


def test_every_promise_of_the_home_and_about_pages_holds_on_sampled_real_pages(client, catalogue):
    size, pages, random_pages = catalogue.size, catalogue.pages, catalogue.sample

    home = client.get(reverse("home")).content.decode()
    about = client.get(reverse("about")).content.decode()
    about_data = folded(client.get(reverse("about_data")).content.decode())
    assert f"Of our {size:,} disease pages:" in folded(home)
    assert f"about {size:,} rare diseases" in folded(about)
    assert "Look up a disease by name to read a clear summary" not in home  # the broken promise is gone

    problems = []
    for where, html in (("home", home), ("about", about)):
        for key, text in promises_on(html).items():
            assert key in CHECKS, f"{where} promises {key!r} ({text}) but nothing checks it"
            shows, otherwise = CHECKS[key]
            for page in pages:
                if not shows(page) and (otherwise is None or not otherwise(page)):
                    problems.append(f"{where}: {key!r} ({text[:60]}…) fails on /diseases/{page.slug}/")
            claimed = claimed_share(text, size)
            if claimed is not None:
                share = sum(map(shows, random_pages)) / len(random_pages)
                if not within(share, claimed, len(random_pages)):
                    problems.append(f"{where}: {key!r} claims {claimed}, sampled pages show {share:.0%}")
    assert not problems, "\n".join(problems)

    # What the pages say of our editors' work is counted, not sampled: every page with their text is
    # walked above, and the home and about pages name how many there are.
    care = [page for page in catalogue.written if CHECKS["diagnosis_or_treatment"][0](page)]
    assert care, "the demo page explains diagnosis and treatment"
    assert f"diagnosed or treated on {pages_named(len(care))} so far" in folded(home)
    assert f"text of their own for {pages_named(len(catalogue.written))} so far." in folded(about)
    assert "From its catalogue we take" in about_data and "Orphanet, OMIM or DECIPHER" in about_data


def test_the_sample_reaches_the_kinds_of_page_the_copy_speaks_of(catalogue):
    """The seed draws pages of each kind the promises are checked on, so none is checked vacuously."""
    pages = catalogue.pages
    assert any(p.symptoms for p in pages) and any(not p.symptoms for p in pages)
    assert any(p.genes for p in pages) and any(not p.genes for p in pages)
    assert any(p.says_little for p in pages)
    assert any(p.care_written for p in pages) and any(p.says_no_care for p in pages)
