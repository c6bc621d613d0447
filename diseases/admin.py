from django.contrib import admin
from django.utils.html import format_html

from . import services
from .models import (
    Annotation,
    Category,
    Disease,
    DiseaseSynonym,
    ExternalIdentifier,
    Phenotype,
    PhenotypeSynonym,
    Reference,
    Resource,
)


class DiseaseSynonymInline(admin.TabularInline):
    model = DiseaseSynonym
    extra = 0
    fields = ["name", "position", "origin"]
    readonly_fields = ["origin"]


class ExternalIdentifierInline(admin.TabularInline):
    model = ExternalIdentifier
    extra = 0
    fields = ["source", "code", "link", "origin"]
    readonly_fields = ["link", "origin"]

    @admin.display(description="Link")
    def link(self, obj):
        return format_html('<a href="{}" rel="noopener">{}</a>', obj.url, obj.curie) if obj.pk else "—"


class AnnotationInline(admin.TabularInline):
    model = Annotation
    extra = 0
    autocomplete_fields = ["phenotype"]
    fields = [
        "phenotype",
        "band",
        "band_corrected",
        "is_excluded",
        "is_hidden",
        "frequency",
        "source_record",
        "evidence",
    ]
    readonly_fields = ["frequency", "source_record", "evidence"]
    ordering = ["band", "phenotype__name"]

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("phenotype")


class ReferenceInline(admin.StackedInline):
    model = Reference
    extra = 0
    fields = [("number", "title"), ("publisher", "published"), ("url", "pubmed_id")]


class ResourceInline(admin.StackedInline):
    model = Resource
    extra = 0
    fields = [("section", "position"), ("title", "url"), "description"]


@admin.register(Category)
class CategoryAdmin(admin.ModelAdmin):
    list_display = ["name", "slug"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(Disease)
class DiseaseAdmin(admin.ModelAdmin):
    list_display = ["name", "status", "gard_id", "content_updated_at", "last_reviewed_at"]
    list_filter = ["status", "categories"]
    search_fields = ["name", "synonyms__name", "identifiers__code", "=gard_id"]
    prepopulated_fields = {"slug": ["name"]}
    filter_horizontal = ["categories"]
    readonly_fields = [
        "created_at",
        "updated_at",
        "content_updated_at",
        "last_reviewed_at",
        "last_reviewed_by",
    ]
    fieldsets = [
        (None, {"fields": ["name", "slug", "gard_id", "status", "categories"]}),
        ("Summary", {"fields": ["summary"]}),
        ("Sections", {"fields": [field for field, _ in Disease.NARRATIVE_SECTIONS]}),
        (
            "Dates",
            {
                "fields": [
                    "created_at",
                    "updated_at",
                    "content_updated_at",
                    "last_reviewed_at",
                    "last_reviewed_by",
                ]
            },
        ),
    ]
    inlines = [
        DiseaseSynonymInline,
        ExternalIdentifierInline,
        ReferenceInline,
        ResourceInline,
        AnnotationInline,
    ]
    list_per_page = 50
    show_full_result_count = False

    def save_model(self, request, obj, form, change):
        services.save_disease(disease=obj, changed_fields=form.changed_data, created=not change)


class PhenotypeSynonymInline(admin.TabularInline):
    model = PhenotypeSynonym
    extra = 0
    fields = ["name", "scope", "is_lay"]


@admin.register(Phenotype)
class PhenotypeAdmin(admin.ModelAdmin):
    list_display = ["hpo_id", "name", "is_obsolete"]
    list_filter = ["is_obsolete"]
    search_fields = ["=hpo_id", "name", "synonyms__name"]
    readonly_fields = ["replaced_by"]
    autocomplete_fields = ["parents"]
    inlines = [PhenotypeSynonymInline]
    show_full_result_count = False

    def get_search_results(self, request, queryset, search_term):
        # Autocomplete must never offer an obsolete term for a new annotation.
        queryset, may_have_duplicates = super().get_search_results(request, queryset, search_term)
        if request.path.endswith("/autocomplete/"):
            queryset = queryset.filter(is_obsolete=False)
        return queryset, may_have_duplicates
