from django import forms
from django.contrib import admin, messages
from django.contrib.admin.widgets import AutocompleteSelect
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models
from django.http import HttpResponseRedirect, JsonResponse
from django.shortcuts import get_object_or_404
from django.urls import path, reverse
from django.utils.html import format_html
from django.views.decorators.http import require_POST
from simple_history.admin import SimpleHistoryAdmin

from .editorial import editing, glossary, revert, terms, workflow
from .editorial.edits import EDITABLE_FIELDS, ROW_KINDS, edit_from_forms
from .editorial.history import TextDiffContextHelper, related_changes
from .editorial.revision_admin import (
    EditTokenFormMixin,
    RevisionAdminMixin,
    RevisionAwareInlineFormSet,
    RevisionAwareInlineMixin,
)
from .identifiers import parse_identifier
from .markup import render_markdown
from .models import (
    EDIT_PERMISSION,
    PUBLISH_PERMISSION,
    Annotation,
    Category,
    Disease,
    DiseaseDefinition,
    DiseaseRevision,
    DiseaseSynonym,
    ExternalIdentifier,
    GlossaryEntry,
    Phenotype,
    PhenotypeSynonym,
    Reference,
    Resource,
)

# Editors paste addresses without a scheme now and then; assume the secure one (Django 6's default).
HTTPS_URL_FIELDS = {models.URLField: {"assume_scheme": "https"}}


def row_fields(kind_key, *, shown_before=(), shown_after=(), in_pairs=False):
    """An inline's fields: what an editor may set there (``ROW_KINDS``, which ``apply_edit`` writes), with
    the read-only ones it shows around them; ``in_pairs`` lays the editable ones out two to a line."""
    editable = list(ROW_KINDS[kind_key].editable)
    if in_pairs:
        editable = [
            tuple(editable[i : i + 2]) if i + 1 < len(editable) else editable[i]
            for i in range(0, len(editable), 2)
        ]
    return [*shown_before, *editable, *shown_after]


# --- Inlines ---------------------------------------------------------------------------------------


class DiseaseSynonymInline(RevisionAwareInlineMixin, admin.TabularInline):
    model = DiseaseSynonym
    extra = 0
    fields = row_fields("synonyms", shown_after=["origin"])
    readonly_fields = ["origin"]


class ExternalIdentifierInline(admin.TabularInline):
    model = ExternalIdentifier
    extra = 0
    fields = row_fields("identifiers", shown_after=["link", "origin", "joined_by"])
    readonly_fields = ["link", "origin", "joined_by"]

    # A published page's identifiers are not part of its revisions: they come from the sources, and an
    # editor's change to them would reach readers unreviewed.
    def has_add_permission(self, request, obj=None):
        return not (obj and obj.is_published) and super().has_add_permission(request, obj)

    def has_change_permission(self, request, obj=None):
        return not (obj and obj.is_published) and super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        return not (obj and obj.is_published) and super().has_delete_permission(request, obj)

    @admin.display(description="Link")
    def link(self, obj):
        return format_html('<a href="{}" rel="noopener">{}</a>', obj.url, obj.curie) if obj.pk else "—"


class KnownChoiceAutocompleteSelect(AutocompleteSelect):
    """Autocomplete that labels the row's current term from the row itself.

    The stock widget runs one query per row to label its selected option; a
    disease with 300 symptoms would make the change form run 300 queries.
    """

    known_object = None

    def optgroups(self, name, value, attr=None):
        known = self.known_object
        if known is None or [str(v) for v in value] != [str(known.pk)]:
            return super().optgroups(name, value, attr)
        option = self.create_option(
            name, known.pk, self.choices.field.label_from_instance(known), {str(known.pk)}, 0
        )
        return [(None, [option], 0)]


class AnnotationInlineForm(forms.ModelForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        widget = self.fields["phenotype"].widget
        widget = getattr(widget, "widget", widget)  # unwrap RelatedFieldWidgetWrapper
        if self.instance.pk and isinstance(widget, KnownChoiceAutocompleteSelect):
            widget.known_object = self.instance.phenotype


class AnnotationInline(RevisionAwareInlineMixin, admin.TabularInline):
    model = Annotation
    form = AnnotationInlineForm
    extra = 0
    autocomplete_fields = ["phenotype"]
    fields = row_fields("annotations", shown_after=["frequency", "source_record", "evidence"])
    readonly_fields = ["frequency", "source_record", "evidence"]
    ordering = ["band", "phenotype__name"]
    classes = ["collapse"]
    verbose_name_plural = "symptoms (HPO annotations): hide a row or correct its band"

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("phenotype")

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "phenotype":
            kwargs["widget"] = KnownChoiceAutocompleteSelect(
                db_field, self.admin_site, using=kwargs.get("using")
            )
        return super().formfield_for_foreignkey(db_field, request, **kwargs)


class DiseaseDefinitionInline(RevisionAwareInlineMixin, admin.StackedInline):
    """Imported definitions are shown as they came; an editor can hide one, and re-imports keep it hidden."""

    model = DiseaseDefinition
    extra = 0
    can_delete = False
    fields = row_fields("definitions", shown_before=["source", "source_record", "text"])
    readonly_fields = ["source", "source_record", "text"]
    verbose_name_plural = "imported definitions (the first one not hidden is shown)"

    def has_add_permission(self, request, obj=None):
        return False


class ReferenceInlineFormSet(RevisionAwareInlineFormSet):
    def clean(self):
        super().clean()
        if any(self.errors):
            return
        kept = [
            form
            for form in self.forms
            if form.cleaned_data and not form.cleaned_data.get("DELETE") and form.cleaned_data.get("number")
        ]
        numbers = [form.cleaned_data["number"] for form in kept]
        duplicates = sorted({n for n in numbers if numbers.count(n) > 1})
        if duplicates:
            raise ValidationError(f"Reference numbers must be unique; [{duplicates[0]}] is used twice.")
        texts = {field: getattr(self.instance, field) for field in Disease.CONTENT_FIELDS}
        errors = editing.missing_reference_errors(texts, numbers)
        if errors:
            raise ValidationError(errors)


class ReferenceInline(RevisionAwareInlineMixin, admin.StackedInline):
    model = Reference
    formfield_overrides = HTTPS_URL_FIELDS
    formset = ReferenceInlineFormSet
    extra = 0
    fields = row_fields("references", in_pairs=True)


class ResourceInline(RevisionAwareInlineMixin, admin.StackedInline):
    model = Resource
    formfield_overrides = HTTPS_URL_FIELDS
    extra = 0
    fields = row_fields("resources", in_pairs=True)


# --- Filters ---------------------------------------------------------------------------------------


class HasWrittenContentFilter(admin.SimpleListFilter):
    title = "editorial content"
    parameter_name = "written"

    def lookups(self, request, model_admin):
        return [("yes", "Has written content"), ("no", "Imported data only")]

    def queryset(self, request, queryset):
        if self.value() == "yes":
            return queryset.with_written_content()
        if self.value() == "no":
            return queryset.without_written_content()
        return queryset


class ReviewDueFilter(admin.SimpleListFilter):
    title = "review"
    parameter_name = "review_due"

    def lookups(self, request, model_admin):
        years = Disease.REVIEW_INTERVAL_YEARS
        return [("yes", f"Review due (over {years} years)"), ("no", f"Reviewed within {years} years")]

    def queryset(self, request, queryset):
        if self.value() == "yes":
            return queryset.review_due()
        if self.value() == "no":
            return queryset.not_review_due()
        return queryset


class EditorialWorkFilter(admin.SimpleListFilter):
    """The admin index's dashboard links land here."""

    title = "editorial work"
    parameter_name = "work"

    def lookups(self, request, model_admin):
        return [
            ("mine", "My drafts and revisions"),
            ("review", "Waiting for review"),
            ("scheduled", "Scheduled to change"),
        ]

    def queryset(self, request, queryset):
        if self.value() == "mine":
            return queryset.mine(request.user)
        if self.value() == "review":
            return queryset.waiting_for_review()
        if self.value() == "scheduled":
            return queryset.scheduled()
        return queryset


class SourceFilter(admin.SimpleListFilter):
    title = "source"
    parameter_name = "source"

    def lookups(self, request, model_admin):
        return [(source, label) for source, label in ExternalIdentifier.Source.choices if source != "MONDO"]

    def queryset(self, request, queryset):
        if self.value() in ExternalIdentifier.Source.values:
            return queryset.filter(
                pk__in=ExternalIdentifier.objects.filter(source=self.value()).values("disease_id")
            )
        return queryset


# --- Disease ---------------------------------------------------------------------------------------


class DiseaseAdminForm(EditTokenFormMixin, forms.ModelForm):
    edit_token = forms.CharField(widget=forms.HiddenInput, required=False)

    class Meta:
        model = Disease
        fields = [*EDITABLE_FIELDS, "categories"]
        widgets = {
            field: forms.Textarea(attrs={"rows": 8, "class": "markdown-source vLargeTextField"})
            for field in Disease.CONTENT_FIELDS
        }


@admin.register(Disease)
class DiseaseAdmin(RevisionAdminMixin, SimpleHistoryAdmin):
    form = DiseaseAdminForm
    list_display = [
        "name",
        "status",
        "revision",
        "gard_id",
        "content_updated_at",
        "last_reviewed_at",
        "review_flag",
    ]
    list_filter = [
        EditorialWorkFilter,
        "status",
        "categories",
        HasWrittenContentFilter,
        ReviewDueFilter,
        SourceFilter,
    ]
    list_select_related = ["last_reviewed_by"]
    search_fields = ["name", "synonyms__name", "identifiers__code", "=gard_id"]
    prepopulated_fields = {"slug": ["name"]}
    filter_horizontal = ["categories"]
    readonly_fields = [
        "status",
        "created_at",
        "updated_at",
        "content_updated_at",
        "published_at",
        "last_reviewed_at",
        "last_reviewed_by",
        "public_links",
    ]
    fieldsets = [
        (None, {"fields": ["name", "slug", "gard_id", "status", "public_links", "categories", "edit_token"]}),
        ("Summary", {"fields": ["summary"], "description": "Markdown. Cite a reference by its number: [1]."}),
        ("Sections", {"fields": [field for field, _ in Disease.NARRATIVE_SECTIONS]}),
        (
            "Dates",
            {
                "fields": [
                    "created_at",
                    "updated_at",
                    "content_updated_at",
                    "published_at",
                    "last_reviewed_at",
                    "last_reviewed_by",
                ]
            },
        ),
    ]
    inlines = [
        DiseaseDefinitionInline,
        DiseaseSynonymInline,
        ExternalIdentifierInline,
        ReferenceInline,
        ResourceInline,
        AnnotationInline,
    ]
    actions = ["send_to_review_action", "publish_action", "unpublish_action"]
    list_per_page = 50
    show_full_result_count = False
    change_form_template = "admin/diseases/disease/change_form.html"
    object_history_template = "admin/diseases/disease/object_history.html"
    object_history_list_template = "admin/diseases/disease/object_history_list.html"

    class Media:
        js = ["js/markdown_preview.js"]
        css = {"all": ["css/admin_extra.css"]}

    # Permissions -------------------------------------------------------------------------------
    def has_publish_permission(self, request):
        return request.user.has_perm(PUBLISH_PERMISSION)

    def get_search_results(self, request, queryset, search_term):
        # "ORPHA:3261" finds the disease with that identifier, as readers would type it.
        identifier = parse_identifier(search_term, bare_number_source=None)
        if identifier and not identifier.is_symptom:
            return queryset.with_identifier(identifier), False
        return super().get_search_results(request, queryset, search_term)

    def get_queryset(self, request):
        return super().get_queryset(request).with_pending_revision_status()

    # Display -----------------------------------------------------------------------------------
    @admin.display(description="Pending revision")
    def revision(self, obj):
        status = getattr(obj, "revision_status", None)
        if not status:
            return ""
        url = reverse("admin:diseases_disease_revision", args=[obj.pk])
        return format_html('<a href="{}">{}</a>', url, DiseaseRevision.Status(status).label)

    @admin.display(description="Review", boolean=False)
    def review_flag(self, obj):
        if obj.is_review_due:
            return format_html('<span class="review-due">{}</span>', "Review due")
        return ""

    @admin.display(description="Public page")
    def public_links(self, obj):
        if not obj.pk:
            return "—"
        preview = reverse("diseases:preview", kwargs={"slug": obj.slug})
        if obj.is_published:
            return format_html('<a href="{}">View the public page</a>', obj.get_absolute_url())
        return format_html('<a href="{}">Preview this draft</a>', preview)

    # Saving ------------------------------------------------------------------------------------
    # The form and its inlines only describe the change; editing.apply_edit writes it, all at once.
    def save_model(self, request, obj, form, change):
        pass

    def save_formset(self, request, form, formset, change):
        pass

    def save_related(self, request, form, formsets, change):
        edit = edit_from_forms(form, formsets)
        if change and Disease.objects.filter(pk=form.instance.pk, status=Disease.Status.PUBLISHED).exists():
            self.save_revision(request, form, edit)  # readers keep the published page until it is approved
        else:
            editing.apply_edit(disease=form.instance, edit=edit, acting_user=request.user)

    # Workflow ----------------------------------------------------------------------------------
    def _run_transition(self, request, queryset, action):
        done = 0
        for disease in queryset.select_related(None).only("pk", "name", "status"):
            try:
                workflow.transition(disease=disease, action=action, acting_user=request.user)
                done += 1
            except (ValidationError, PermissionDenied) as error:
                self.message_user(
                    request, " ".join(getattr(error, "messages", [str(error)])), messages.WARNING
                )
        if done:
            label = workflow.done_label(action).lower()
            self.message_user(request, f"{label.capitalize()}: {done} page{'s' if done != 1 else ''}.")

    @admin.action(description="Send selected pages to review", permissions=["change"])
    def send_to_review_action(self, request, queryset):
        self._run_transition(request, queryset, "send_to_review")

    @admin.action(description="Publish selected pages", permissions=["publish"])
    def publish_action(self, request, queryset):
        self._run_transition(request, queryset, "publish")

    @admin.action(description="Unpublish selected pages (back to draft)", permissions=["publish"])
    def unpublish_action(self, request, queryset):
        self._run_transition(request, queryset, "unpublish")

    def get_urls(self):
        return [
            path(
                "<int:object_id>/workflow/<str:action>/",
                self.admin_site.admin_view(self.workflow_view),
                name="diseases_disease_workflow",
            ),
            path(
                "<int:object_id>/revert/<int:history_id>/",
                self.admin_site.admin_view(self.revert_view),
                name="diseases_disease_revert",
            ),
            path(
                "markdown-preview/",
                self.admin_site.admin_view(self.markdown_preview_view),
                name="diseases_disease_markdown_preview",
            ),
            *self.revision_urls(),
            *super().get_urls(),
        ]

    def workflow_view(self, request, object_id, action):
        if request.method != "POST" or action not in workflow.TRANSITIONS:
            raise PermissionDenied
        disease = get_object_or_404(Disease, pk=object_id)
        try:
            workflow.transition(disease=disease, action=action, acting_user=request.user)
            self.message_user(request, f"{workflow.done_label(action)}: {disease.name}.")
        except ValidationError as error:
            self.message_user(request, " ".join(error.messages), messages.ERROR)
        return HttpResponseRedirect(reverse("admin:diseases_disease_change", args=[disease.pk]))

    def revert_view(self, request, object_id, history_id):
        if request.method != "POST":
            raise PermissionDenied
        disease = get_object_or_404(Disease, pk=object_id)
        if not self.has_change_permission(request, disease):
            raise PermissionDenied
        try:
            outcome = revert.revert_disease(disease=disease, history_id=history_id, acting_user=request.user)
        except ValidationError as error:
            self.message_user(request, " ".join(error.messages), messages.ERROR)
            return HttpResponseRedirect(reverse("admin:diseases_disease_history", args=[disease.pk]))
        if isinstance(outcome, DiseaseRevision):
            self.message_user(
                request,
                "The revert was saved as a revision: the page is published, so a reviewer approves it first.",
            )
            return HttpResponseRedirect(reverse("admin:diseases_disease_revision", args=[disease.pk]))
        self.message_user(request, "The page was reverted. The revert is recorded in its history.")
        return HttpResponseRedirect(reverse("admin:diseases_disease_history", args=[disease.pk]))

    @staticmethod
    @require_POST
    def markdown_preview_view(request):
        if not request.user.has_perm(EDIT_PERMISSION):
            raise PermissionDenied
        return JsonResponse({"html": str(render_markdown(request.POST.get("text", "")[:100_000], "preview"))})

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        if obj is not None:
            context["workflow_actions"] = workflow.allowed_transitions(obj, request.user)
        return super().render_change_form(request, context, add, change, form_url, obj)

    # History -----------------------------------------------------------------------------------
    def get_historical_record_context_helper(self, request, historical_record):
        return TextDiffContextHelper(self.model, historical_record)

    def history_view(self, request, object_id, extra_context=None):
        extra_context = {
            **(extra_context or {}),
            "related_changes": related_changes(int(object_id)),
            "applied_revisions": DiseaseRevision.objects.filter(
                disease_id=object_id, status=DiseaseRevision.Status.APPLIED
            )
            .select_related("created_by", "reviewed_by")
            .order_by("-applied_at")[:50],
        }
        return super().history_view(request, object_id, extra_context)

    def revert_disabled(self, request, obj=None):
        # Reverts go through revert_view (one action, recorded); the generic form would bypass the workflow.
        return True


@admin.register(Category)
class CategoryAdmin(SimpleHistoryAdmin):
    """Saves and deletes through ``editorial.terms``, which records who did it."""

    list_display = ["name", "slug"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}

    def save_model(self, request, obj, form, change):
        terms.save_category(category=obj, acting_user=request.user)

    def delete_model(self, request, obj):
        terms.delete_category(category=obj, acting_user=request.user)

    def delete_queryset(self, request, queryset):
        for category in queryset:
            terms.delete_category(category=category, acting_user=request.user)


class PhenotypeSynonymInline(admin.TabularInline):
    model = PhenotypeSynonym
    extra = 0
    fields = ["name", "scope", "is_lay"]


@admin.register(Phenotype)
class PhenotypeAdmin(SimpleHistoryAdmin):
    """The form and its synonyms only describe the change; ``editorial.terms.save_term`` writes it, with
    its history, the term's search rows and the plain summaries of the pages that show it."""

    list_display = ["hpo_id", "name", "is_obsolete"]
    list_filter = ["is_obsolete"]
    search_fields = ["=hpo_id", "name", "synonyms__name"]
    readonly_fields = ["replaced_by"]
    autocomplete_fields = ["parents"]
    inlines = [PhenotypeSynonymInline]
    show_full_result_count = False

    def get_search_results(self, request, queryset, search_term):
        # Autocomplete must never offer an obsolete term for a new annotation. PostgreSQL cannot
        # compare text holding NUL, which nobody types; drop it rather than fail.
        search_term = search_term.replace("\x00", "")
        queryset, may_have_duplicates = super().get_search_results(request, queryset, search_term)
        if request.path.endswith("/autocomplete/"):
            queryset = queryset.filter(is_obsolete=False)
        return queryset, may_have_duplicates

    def save_model(self, request, obj, form, change):
        pass

    def save_formset(self, request, form, formset, change):
        pass

    def save_related(self, request, form, formsets, change):
        synonyms = []
        for formset in formsets:
            formset.save(commit=False)  # builds the changed rows in memory only
            synonyms += [(row, False) for row in formset.new_objects]
            synonyms += [(row, False) for row, _ in formset.changed_objects]
            synonyms += [(row, True) for row in formset.deleted_objects]
        parents = form.cleaned_data["parents"] if "parents" in form.changed_data else None
        terms.save_term(phenotype=form.instance, parents=parents, synonyms=synonyms, acting_user=request.user)


# --- Glossary --------------------------------------------------------------------------------------


class GlossaryEntryForm(forms.ModelForm):
    """An entry's forms as one line, separated by commas. The service's own check runs in ``clean``, so
    its messages (a form another entry has, an explanation too long) show on the fields."""

    class Meta:
        model = GlossaryEntry
        fields = ["term", "forms", "explanation"]
        widgets = {"explanation": forms.Textarea(attrs={"rows": 3, "class": "vLargeTextField"})}
        help_texts = {
            "explanation": "Plain words a parent knows, in one or two short sentences of at most "
            f"{GlossaryEntry.EXPLANATION_MAX_WORDS} words. Readers see it when they open the word on a page.",
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["forms"] = forms.CharField(
            required=False,
            widget=forms.TextInput(attrs={"class": "vLargeTextField"}),
            help_text="Other ways the word is written on pages, separated by commas: plurals, adjectives, "
            "British spellings. The term itself always counts.",
        )
        self.initial["forms"] = ", ".join(self.instance.other_forms)

    def clean_forms(self):
        return [form for form in self.cleaned_data["forms"].split(",") if form.strip()]

    def clean(self):
        cleaned = super().clean()
        text = glossary.entry_text(
            term=cleaned.get("term", ""),
            forms=cleaned.get("forms", []),
            explanation=cleaned.get("explanation", ""),
        )
        try:
            glossary.check_entry(entry=self.instance, text=text)
        except ValidationError as error:
            # A field the form already found wrong (an empty one, say) keeps only its own message.
            fresh = {
                field: errors for field, errors in error.message_dict.items() if field not in self._errors
            }
            if fresh:
                self._update_errors(ValidationError(fresh))
        return cleaned


@admin.register(GlossaryEntry)
class GlossaryEntryAdmin(SimpleHistoryAdmin):
    form = GlossaryEntryForm
    list_display = ["term", "short_explanation", "other_forms", "origin", "updated_at"]
    list_filter = ["origin"]
    search_fields = ["term", "forms", "explanation"]
    readonly_fields = ["origin", "public_link", "created_at", "updated_at"]
    fields = ["term", "forms", "explanation", "public_link", "origin", "created_at", "updated_at"]
    list_per_page = 100

    @admin.display(description="Explanation")
    def short_explanation(self, obj):
        text = obj.explanation
        return text if len(text) <= 90 else f"{text[:88].rstrip()}…"

    @admin.display(description="Other forms")
    def other_forms(self, obj):
        return ", ".join(obj.other_forms)

    @admin.display(description="On the glossary page")
    def public_link(self, obj):
        return format_html('<a href="{}">{}</a>', obj.get_absolute_url(), obj.term) if obj.pk else "—"

    # Every write goes through diseases.editorial.glossary: checked, atomic, with who did it in the history.
    # The history's "revert" saves through save_model as well.
    def save_model(self, request, obj, form, change):
        glossary.save_entry(
            entry=obj,
            term=form.cleaned_data["term"],
            forms=form.cleaned_data["forms"],
            explanation=form.cleaned_data["explanation"],
            acting_user=request.user,
        )

    def delete_model(self, request, obj):
        glossary.delete_entry(entry=obj, acting_user=request.user)

    def delete_queryset(self, request, queryset):
        for entry in queryset:
            glossary.delete_entry(entry=entry, acting_user=request.user)
