from django.conf import settings
from django.contrib import admin
from django.contrib.sitemaps import views as sitemaps
from django.urls import include, path

from diseases.freshness import public_page
from diseases.sitemaps import SECTIONS

from . import csp_reports, health, views

admin.site.site_header = "Rare Disease Portal administration"
admin.site.site_title = "Rare Disease Portal admin"
admin.site.index_template = "admin/portal_index.html"

urlpatterns = [
    path("", views.home, name="home"),
    path("about/", views.about, name="about"),
    path("about/data/", views.about_data, name="about_data"),
    path("", include("diseases.urls")),
    # Before admin.site.urls, whose catch-all would otherwise answer these addresses.
    path("admin/monitoring/", health.monitoring, name="monitoring"),
    path("admin/second-factor/", include("portal.second_factor_urls")),
    path("admin/", admin.site.urls),
    path("api/", include("portal.api_urls")),
    path("support/", include("support.urls")),
    # An index of sections, each paged (?p=2) in files of 5,000 addresses: see diseases/sitemaps.py.
    path(
        "sitemap.xml",
        public_page(sitemaps.index),
        {"sitemaps": SECTIONS, "sitemap_url_name": "sitemap-section"},
        name="sitemap",
    ),
    path(
        "sitemap-<section>.xml",
        public_page(sitemaps.sitemap, query=["p"]),
        {"sitemaps": SECTIONS},
        name="sitemap-section",
    ),
    path("robots.txt", views.robots_txt, name="robots"),
    path("health/live", health.live, name="health-live"),
    path("health/ready", health.ready, name="health-ready"),
    path(settings.CSP_REPORT_PATH.lstrip("/"), csp_reports.csp_report, name="csp-report"),
]

# Error pages that never read the request body or the database (see portal/errors.py).
handler400 = "portal.errors.bad_request"
handler403 = "portal.errors.permission_denied"
handler404 = "portal.errors.page_not_found"
handler500 = "portal.errors.server_error"
