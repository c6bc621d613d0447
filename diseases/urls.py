from django.urls import path, register_converter

from .identifiers import GENE_SYMBOL_PATTERN, HPO_ID_PATTERN
from .views import catalogue, compare, downloads, finding, genes, glossary, previews, sheet, symptoms


class HpoIdConverter:
    """HP:0001744, in either case; anything else never reaches a view or a query."""

    regex = f"(?i:{HPO_ID_PATTERN})"

    def to_python(self, value):
        return value.upper()

    def to_url(self, value):
        return value


class GeneSymbolConverter:
    """An HGNC symbol such as CFTR or HLA-DRB1: letters and digits, with dots, hyphens or @ inside."""

    regex = GENE_SYMBOL_PATTERN

    def to_python(self, value):
        return value

    def to_url(self, value):
        return value


register_converter(HpoIdConverter, "hpo_id")
register_converter(GeneSymbolConverter, "gene_symbol")

app_name = "diseases"

urlpatterns = [
    path("diseases/", catalogue.disease_index, name="index"),
    path("diseases/gard/<int:gard_id>/", catalogue.gard_redirect, name="gard"),
    path("diseases/<slug:slug>/symptoms.csv", downloads.symptoms_csv, name="symptoms-csv"),
    path("diseases/<slug:slug>/symptoms.json", downloads.symptoms_json, name="symptoms-json"),
    path("diseases/<slug:slug>/", catalogue.disease_detail, name="detail"),
    path("diseases/<slug:slug>/preview/", previews.disease_preview, name="preview"),
    path("diseases/<slug:slug>/sheet/", sheet.disease_sheet, name="sheet"),
    path("d/<int:pk>/", sheet.short_link, name="short"),
    path("compare/", compare.compare, name="compare"),
    path("symptoms/<hpo_id:hpo_id>/", symptoms.symptom_detail, name="symptom"),
    path("genes/<gene_symbol:symbol>/", genes.gene_detail, name="gene"),
    path("search/", finding.search_results, name="search"),
    path("search/suggest/", finding.suggestions, name="suggest"),
    path("categories/", catalogue.category_list, name="categories"),
    path("categories/<slug:slug>/", catalogue.category_detail, name="category"),
    path("match/", finding.match, name="match"),
    path("glossary/", glossary.glossary, name="glossary"),
]
