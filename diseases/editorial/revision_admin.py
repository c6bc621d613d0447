"""The admin side of revisions: a published page's change form edits its pending revision, and reviewers
compare, preview, approve (now or at a set time) or send it back.

The change form of a published page shows the page with its pending revision applied (in memory
only: its fields, and in the inlines the rows it changes, removes or adds). Saving compares what the
form holds with the published page and stores the whole difference as the revision
(``revisions.save_revision``); the page itself stays as readers see it.

Django's change view calls the admin's hooks one after another with the request alone; what one
hook learns for the next (the revision shown, what saving did) is kept in one ``RevisionForm`` per
change view, which ``changeform_view`` opens and every hook reads with ``revision_form()``.
"""

from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from datetime import datetime

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone

from ..models import PUBLISH_PERMISSION, Disease, DiseaseRevision, ScheduledTransition
from . import revisions, schedule
from .diff import build_diff
from .edits import KIND_BY_MODEL, DiseaseEdit


@dataclass
class RevisionForm:
    """What one change view of a page knows about its revision, from loading the page to answering."""

    revision: DiseaseRevision | None = None  # the page's pending revision, for a published page
    edit: DiseaseEdit | None = None  # that revision's changes, parsed once, shown in a form not yet posted
    conflict: bool = False  # a save was refused because someone saved meanwhile: show the form again
    saved: bool = False  # the form was saved as a revision
    saved_revision: DiseaseRevision | None = None  # what that save left pending (None: nothing differs)
    rows: dict = field(default_factory=dict)  # row kind key -> that revision's RowChanges

    def rows_of(self, model):
        kind = KIND_BY_MODEL.get(model)
        return self.rows.get(kind.key, []) if kind else []


_current: ContextVar[RevisionForm | None] = ContextVar("revision_form", default=None)


def revision_form() -> RevisionForm:
    """The change view's revision state; an empty one outside a change view (history, delete)."""
    return _current.get() or RevisionForm()


@contextmanager
def _open_revision_form(state):
    token = _current.set(state)
    try:
        yield state
    finally:
        _current.reset(token)


def _form_values(model, values):
    """Row values keyed by attname (phenotype_id) as form fields are named (phenotype)."""
    by_attname = {field.attname: field.name for field in model._meta.concrete_fields}
    return {by_attname.get(name, name): value for name, value in values.items()}


class RevisionAwareInlineFormSet(forms.BaseInlineFormSet):
    """Shows a pending revision in an inline: changed values, removals ticked, additions as new forms.

    Only for a form being shown. A posted formset compares with the published rows, so the save
    describes the whole difference again.
    """

    def __init__(self, *args, revision_changes=(), **kwargs):
        self.revision_changes = list(revision_changes)
        added = [change.values for change in self.revision_changes if change.pk is None]
        if added:
            kwargs["initial"] = [_form_values(self.model, values) for values in added]
        super().__init__(*args, **kwargs)

    def get_queryset(self):
        rows = super().get_queryset()
        if self.is_bound or not self.revision_changes:
            return rows
        if not hasattr(self, "_revised_rows"):
            changed = {
                change.pk: change for change in self.revision_changes if change.pk and not change.delete
            }
            self._revised_rows = list(rows)
            for row in self._revised_rows:
                for name, value in getattr(changed.get(row.pk), "values", {}).items():
                    setattr(row, name, value)
        return self._revised_rows

    def add_fields(self, form, index):
        super().add_fields(form, index)
        removed = {change.pk for change in self.revision_changes if change.delete}
        if not self.is_bound and "DELETE" in form.fields and form.instance.pk in removed:
            form.fields["DELETE"].initial = True


class RevisionAwareInlineMixin:
    formset = RevisionAwareInlineFormSet

    def get_extra(self, request, obj=None, **kwargs):
        added = [change for change in revision_form().rows_of(self.model) if change.pk is None]
        return len(added) or super().get_extra(request, obj, **kwargs)


class EditTokenFormMixin:
    """For a ModelForm with an ``edit_token`` field: what the form was built on; a save made on an older
    token is refused, with the editor's text shown back. The admin sets the class attributes below
    for each change view (see ``RevisionAdminMixin.get_form``)."""

    current_token = None
    force_conflict = False
    revision_categories = None  # the category ids the pending revision sets, shown in a form not yet posted

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["edit_token"].initial = self.current_token
        if self.revision_categories is not None and not self.is_bound:
            self.initial["categories"] = self.revision_categories

    def clean(self):
        cleaned_data = super().clean()
        if self.instance.pk and (self.force_conflict or cleaned_data.get("edit_token") != self.current_token):
            revision = revisions.pending_revision(self.instance)
            # Saving again keeps this editor's version over the newer one they have now been shown.
            self.data = self.data.copy()
            self.data[self.add_prefix("edit_token")] = self.current_token
            raise ValidationError(
                revisions.conflict_message(Disease.objects.get(pk=self.instance.pk), revision)
            )
        return cleaned_data


class RevisionAdminMixin:
    """For DiseaseAdmin: published pages are changed through revisions; reviewers review them here."""

    # Loading ----------------------------------------------------------------------------------
    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        with _open_revision_form(RevisionForm()):
            try:
                return super().changeform_view(request, object_id, form_url, extra_context)
            except revisions.RevisionConflict:
                # Someone saved in the moment between this form's check and its save: show it back.
                with _open_revision_form(RevisionForm(conflict=True)):
                    return super().changeform_view(request, object_id, form_url, extra_context)

    def get_object(self, request, object_id, from_field=None):
        disease = super().get_object(request, object_id, from_field)
        state = _current.get()
        if state is None or disease is None or not disease.is_published:
            return disease
        state.revision = revisions.pending_revision(disease)
        if state.revision is not None and request.method == "GET":
            state.edit = DiseaseEdit.from_json(state.revision.changes)
            state.rows = state.edit.rows
            for name, value in state.edit.fields.items():
                setattr(disease, name, value)
        return disease

    def get_form(self, request, obj=None, **kwargs):
        form = super().get_form(request, obj, **kwargs)
        if obj is None:
            return form
        state = revision_form()
        attributes = {
            "current_token": revisions.edit_token(obj, state.revision),
            "force_conflict": state.conflict,
            "revision_categories": state.edit.categories if state.edit else None,
        }
        return type(form.__name__, (form,), attributes)

    def get_formset_kwargs(self, request, obj, inline, prefix):
        kwargs = super().get_formset_kwargs(request, obj, inline, prefix)
        rows = revision_form().rows_of(inline.model)
        if rows:
            kwargs["revision_changes"] = rows
        return kwargs

    # Saving -----------------------------------------------------------------------------------
    def save_revision(self, request, form, edit):
        state = revision_form()
        try:
            state.saved_revision = revisions.save_revision(
                disease=form.instance,
                edit=edit,
                acting_user=request.user,
                token=form.cleaned_data.get("edit_token"),
            )
        finally:
            state.saved = True

    def response_change(self, request, obj):
        state = revision_form()
        if not state.saved:
            return super().response_change(request, obj)
        if state.saved_revision is None:
            self.message_user(request, "No differences from the published page remain: nothing is waiting.")
        else:
            self.message_user(
                request,
                f"Saved as revision #{state.saved_revision.pk}. Readers still see the published page until a "
                "reviewer approves it; send it to review when it is ready.",
                messages.SUCCESS,
            )
        return HttpResponseRedirect(reverse("admin:diseases_disease_change", args=[obj.pk]))

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        if obj is not None:
            revision = revision_form().revision if obj.is_published else None
            context["revision"] = revision
            context["revision_actions"] = (
                revisions.allowed_actions(revision, request.user) if revision else []
            )
            context["scheduled"] = ScheduledTransition.objects.pending().filter(disease=obj).first()
            context["can_review"] = request.user.has_perm(PUBLISH_PERMISSION)
            context["can_schedule"] = context["can_review"] and (
                obj.status in (Disease.Status.REVIEW, Disease.Status.PUBLISHED)
            )
        return super().render_change_form(request, context, add, change, form_url, obj)

    # Reviewing --------------------------------------------------------------------------------
    def revision_urls(self):
        view = self.admin_site.admin_view
        return [
            path("<int:object_id>/revision/", view(self.revision_view), name="diseases_disease_revision"),
            path(
                "<int:object_id>/revision/<str:action>/",
                view(self.revision_action_view),
                name="diseases_disease_revision_action",
            ),
            path("<int:object_id>/schedule/", view(self.schedule_view), name="diseases_disease_schedule"),
        ]

    def revision_view(self, request, object_id):
        disease = get_object_or_404(Disease, pk=object_id)
        if not self.has_view_permission(request, disease):
            raise PermissionDenied
        revision = revisions.pending_revision(disease)
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "title": f"Revision of {disease.name}",
            "disease": disease,
            "revision": revision,
            "diff": build_diff(revision) if revision else None,
            "actions": revisions.allowed_actions(revision, request.user) if revision else [],
            "earliest_go_live": timezone.localtime().strftime("%Y-%m-%dT%H:%M"),
        }
        return TemplateResponse(request, "admin/diseases/disease/revision.html", context)

    def revision_action_view(self, request, object_id, action):
        if request.method != "POST" or action not in revisions.ACTIONS:
            raise PermissionDenied
        disease = get_object_or_404(Disease, pk=object_id)
        revision = revisions.pending_revision(disease)
        review_url = reverse("admin:diseases_disease_revision", args=[disease.pk])
        if revision is None:
            self.message_user(request, "This page has no pending revision.", messages.WARNING)
            return HttpResponseRedirect(review_url)
        try:
            done = self._do_revision_action(request, revision, action)
        except (ValidationError, PermissionDenied) as error:
            self.message_user(request, " ".join(getattr(error, "messages", [str(error)])), messages.ERROR)
            return HttpResponseRedirect(review_url)
        self.message_user(request, done, messages.SUCCESS)
        target = (
            "admin:diseases_disease_change"
            if action in ("withdraw", "approve")
            else "admin:diseases_disease_revision"
        )
        return HttpResponseRedirect(reverse(target, args=[disease.pk]))

    def _do_revision_action(self, request, revision, action):
        user = request.user
        if action == "submit":
            revisions.submit_revision(revision=revision, acting_user=user)
            return "Sent to review. Reviewers have been told by email."
        if action == "withdraw":
            revisions.withdraw_revision(revision=revision, acting_user=user)
            return "The revision was withdrawn; the published page is unchanged."
        if action == "return":
            revisions.return_revision(
                revision=revision, acting_user=user, comment=request.POST.get("comment", "")
            )
            return "Sent back to the editor with your comment."
        go_live_at = (
            None if request.POST.get("now") else parse_local_datetime(request.POST.get("go_live_at", ""))
        )
        if go_live_at is None:
            revision = revisions.approve_revision(revision=revision, acting_user=user)
        else:
            revision = schedule.approve_revision_at(
                revision=revision, acting_user=user, go_live_at=go_live_at
            )
        if revision.status == DiseaseRevision.Status.SCHEDULED:
            return f"Approved. It goes live at {timezone.localtime(revision.go_live_at):%H:%M on %d %b %Y}."
        return "Approved and published: readers see the new version now."

    def schedule_view(self, request, object_id):
        if request.method != "POST":
            raise PermissionDenied
        disease = get_object_or_404(Disease, pk=object_id)
        change_url = reverse("admin:diseases_disease_change", args=[disease.pk])
        try:
            if request.POST.get("cancel"):
                schedule.cancel_scheduled_transition(disease=disease, acting_user=request.user)
                self.message_user(request, "The scheduled change was cancelled.")
            else:
                due_at = parse_local_datetime(request.POST.get("due_at", ""))
                if due_at is None:
                    raise ValidationError("Give a date and time, such as 2027-03-01 09:00.")
                action = "unpublish" if disease.is_published else "publish"
                schedule.schedule_transition(
                    disease=disease, action=action, due_at=due_at, acting_user=request.user
                )
                self.message_user(
                    request, f"Scheduled to {action} at {timezone.localtime(due_at):%H:%M on %d %b %Y}."
                )
        except (ValidationError, PermissionDenied) as error:
            self.message_user(request, " ".join(getattr(error, "messages", [str(error)])), messages.ERROR)
        return HttpResponseRedirect(change_url)


def parse_local_datetime(value) -> datetime | None:
    """A date and time typed in the site's time zone (an HTML datetime-local value); None if empty."""
    value = (value or "").strip()
    if not value:
        return None
    try:
        parsed = datetime.fromisoformat(value)
    except ValueError:
        raise ValidationError(f"“{value[:40]}” is not a date and time such as 2027-03-01 09:00.") from None
    return timezone.make_aware(parsed) if timezone.is_naive(parsed) else parsed
