from django.contrib import admin
from django.contrib.sitemaps.views import sitemap
from django.urls import include, path

from diseases.sitemaps import DiseaseSitemap

from . import views

admin.site.site_header = "Rare Disease Portal administration"
admin.site.site_title = "Rare Disease Portal admin"
admin.site.index_template = "admin/portal_index.html"

urlpatterns = [
    path("", views.home, name="home"),
    path("about/", views.about, name="about"),
    path("about/data/", views.about_data, name="about_data"),
    path("", include("diseases.urls")),
    path("admin/", admin.site.urls),
    path("api/", include("portal.api_urls")),
    path("support/", include("support.urls")),
    path("sitemap.xml", sitemap, {"sitemaps": {"diseases": DiseaseSitemap}}, name="sitemap"),
]
