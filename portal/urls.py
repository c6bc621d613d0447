from django.contrib import admin
from django.urls import include, path

from . import views

admin.site.site_header = "Rare Disease Portal administration"
admin.site.site_title = "Rare Disease Portal admin"

urlpatterns = [
    path("", views.home, name="home"),
    path("about/", views.about, name="about"),
    path("", include("diseases.urls")),
    path("admin/", admin.site.urls),
]
