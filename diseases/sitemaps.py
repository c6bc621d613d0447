"""The sitemap's sections: every published disease page, the symptom and gene pages that list them, and
the pages that lead to them. ``/sitemap.xml`` is an index of these sections, each split into files of
``limit`` addresses, so search engines are shown the whole catalogue however large it grows.

Each address's ``lastmod`` is when what that page shows last changed (``Disease.page_changed_at``, kept
true by ``diseases.changes`` and the import), never when the import last ran. A symptom or gene page
shows the names and frequency bands of the diseases it lists, so its date is the newest of theirs.
Pages whose content is our own templates (the home page, the A–Z letters) carry no date.
"""

from django.contrib.sitemaps import Sitemap
from django.db.models import Max
from django.urls import reverse

from .models import Category, DataRelease, Disease, Gene, Phenotype, listed_symptom


class DiseaseSitemap(Sitemap):
    changefreq = "monthly"
    limit = 5000

    def items(self):
        return Disease.objects.published().for_sitemap()

    def lastmod(self, disease):
        return disease.page_changed_at

    def get_latest_lastmod(self):
        return Disease.objects.published().aggregate(latest=Max("page_changed_at"))["latest"]


class _ListingSitemap(Sitemap):
    """Pages that list diseases: their rows carry the newest ``page_changed_at`` of what they list."""

    changefreq = "monthly"
    limit = 5000
    url_name = ""
    key = ""

    def location(self, row):
        return reverse(self.url_name, args=[row[self.key]])

    def lastmod(self, row):
        return row["page_changed_at"]


class SymptomSitemap(_ListingSitemap):
    url_name = "diseases:symptom"
    key = "hpo_id"

    def items(self):
        return Phenotype.objects.for_sitemap()

    def get_latest_lastmod(self):
        # The newest of the dates above, in one aggregate rather than by reading every row.
        listing = Disease.objects.published().filter(listed_symptom("annotations__"))
        return listing.aggregate(latest=Max("page_changed_at"))["latest"]


class GeneSitemap(_ListingSitemap):
    url_name = "diseases:gene"
    key = "symbol"

    def items(self):
        return Gene.objects.for_sitemap()

    def get_latest_lastmod(self):
        listing = Disease.objects.published().filter(gene_links__isnull=False)
        return listing.aggregate(latest=Max("page_changed_at"))["latest"]


class BrowsingSitemap(Sitemap):
    """The pages that lead to the diseases: home, the A–Z letters, categories, the glossary, and about
    the data."""

    changefreq = "weekly"

    def items(self):
        published = Disease.objects.published()
        letters = [letter for letter, count in published.letter_counts().items() if count]
        categories = Category.objects.with_published_counts().filter(disease_count__gt=0)
        return [
            (reverse("home"), None),
            (reverse("diseases:index"), None),
            *((f"{reverse('diseases:index')}?letter={letter}", None) for letter in letters),
            (reverse("diseases:categories"), None),
            *((reverse("diseases:category", args=[category.slug]), None) for category in categories),
            (reverse("diseases:glossary"), None),
            (reverse("about"), None),
            # What this page shows beyond its own text is the list of releases loaded.
            (reverse("about_data"), self.get_latest_lastmod()),
        ]

    def location(self, item):
        return item[0]

    def lastmod(self, item):
        return item[1]

    def get_latest_lastmod(self):
        return DataRelease.objects.aggregate(latest=Max("loaded_at"))["latest"]


SECTIONS = {
    "pages": BrowsingSitemap,
    "diseases": DiseaseSitemap,
    "symptoms": SymptomSitemap,
    "genes": GeneSitemap,
}
