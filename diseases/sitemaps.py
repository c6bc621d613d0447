from django.contrib.sitemaps import Sitemap

from .models import Disease


class DiseaseSitemap(Sitemap):
    changefreq = "monthly"
    limit = 5000

    def items(self):
        return Disease.objects.published().only("slug", "updated_at").order_by("pk")

    def lastmod(self, disease):
        return disease.updated_at
