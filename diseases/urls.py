from django.urls import path, register_converter

from . import exports, views, views_search


class HpoIdConverter:
    """HP:0001744, in either case; anything else never reaches a view or a query."""

    regex = r"[Hh][Pp]:[0-9]{7}"

    def to_python(self, value):
        return value.upper()

    def to_url(self, value):
        return value


register_converter(HpoIdConverter, "hpo_id")

app_name = "diseases"

urlpatterns = [
    path("diseases/", views.disease_index, name="index"),
    path("diseases/gard/<int:gard_id>/", views.gard_redirect, name="gard"),
    path("diseases/<slug:slug>/symptoms.csv", exports.symptoms_csv, name="symptoms-csv"),
    path("diseases/<slug:slug>/symptoms.json", exports.symptoms_json, name="symptoms-json"),
    path("diseases/<slug:slug>/", views.disease_detail, name="detail"),
    path("diseases/<slug:slug>/preview/", views.disease_preview, name="preview"),
    path("symptoms/<hpo_id:hpo_id>/", views.symptom_detail, name="symptom"),
    path("search/", views_search.search, name="search"),
    path("search/suggest/", views_search.suggest, name="suggest"),
    path("categories/", views_search.category_list, name="categories"),
    path("categories/<slug:slug>/", views_search.category_detail, name="category"),
    path("match/", views_search.match, name="match"),
]
