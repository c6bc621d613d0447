"""Coordinators' admin. Requests are read-only here: every change goes through support.services."""

import csv
import logging

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.db.models import Count, Q
from django.http import HttpResponse, HttpResponseNotAllowed
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils import timezone
from django.utils.html import format_html

from . import services
from .models import ConnectionMatch, ConnectionRequest, OutboxMessage, RequestEvent
from .suggestions import suggested_matches
from .tasks import schedule_delivery

logger = logging.getLogger(__name__)


class RequestEventInline(admin.TabularInline):
    model = RequestEvent
    extra = 0
    can_delete = False
    fields = ["created_at", "actor_kind", "actor", "from_status", "to_status", "note"]
    readonly_fields = fields
    verbose_name = "history entry"
    verbose_name_plural = "history"

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("actor")

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False


def _apply_to_each(modeladmin, request, queryset, action, **kwargs):
    done = 0
    for connection_request in queryset:
        try:
            action(request=connection_request, acting_user=request.user, **kwargs)
        except services.SupportError as exc:
            modeladmin.message_user(request, str(exc), messages.WARNING)
        else:
            modeladmin.log_change(request, connection_request, action.__name__.replace("_", " ").capitalize())
            done += 1
    return done


@admin.register(ConnectionRequest)
class ConnectionRequestAdmin(admin.ModelAdmin):
    list_display = [
        "reference",
        "disease",
        "status",
        "child_age_band",
        "country",
        "created_at",
        "verified_at",
    ]
    list_filter = ["status", "child_age_band"]
    list_select_related = ["disease"]
    search_fields = ["=id", "parent_name", "email", "disease__name"]
    date_hierarchy = "created_at"
    autocomplete_fields = ["disease"]
    show_full_result_count = False
    view_on_site = False  # requests have no public page, by design
    actions = ["close_selected", "withdraw_selected"]
    inlines = [RequestEventInline]
    change_form_template = "support/admin/connectionrequest_change_form.html"
    change_list_template = "support/admin/connectionrequest_change_list.html"
    fieldsets = [
        (None, {"fields": ["reference", "disease", "status"]}),
        (
            "Family",
            {
                "fields": [
                    "parent_name",
                    "relationship",
                    "email",
                    "phone",
                    "child_age_band",
                    ("country", "region"),
                    "language",
                    "message",
                ]
            },
        ),
        (
            "Consent",
            {
                "fields": [
                    ("share_name", "share_email", "share_phone", "share_location"),
                    "consented_to_share",
                    "privacy_notice_version",
                ]
            },
        ),
        (
            "Dates",
            {
                "fields": [
                    "created_at",
                    "verified_at",
                    "status_changed_at",
                    "closed_at",
                    "withdrawn_at",
                    "anonymised_at",
                ]
            },
        ),
    ]
    readonly_fields = [
        field
        for _, options in fieldsets
        for row in options["fields"]
        for field in (row if isinstance(row, tuple) else (row,))
    ]

    @admin.display(description="Request", ordering="pk")
    def reference(self, obj):
        label = f"#{obj.pk}"
        return (
            format_html("{} <span class='quiet'>(anonymised)</span>", label) if obj.is_anonymised else label
        )

    def has_add_permission(self, request):
        return False  # requests come from families, through the form

    def has_delete_permission(self, request, obj=None):
        return False  # withdraw instead: it erases the details and keeps the anonymous count

    def save_model(self, request, obj, form, change):
        """Nothing here is edited by hand; status changes go through the actions and buttons."""

    def get_urls(self):
        info = self.opts.app_label, self.opts.model_name
        return [
            path(
                "export-counts/",
                self.admin_site.admin_view(self.export_counts_view),
                name="{}_{}_export_counts".format(*info),
            ),
            path(
                "<int:object_id>/propose/<int:other_id>/",
                self.admin_site.admin_view(self.propose_view),
                name="{}_{}_propose".format(*info),
            ),
            *super().get_urls(),
        ]

    def change_view(self, request, object_id, form_url="", extra_context=None):
        obj = self.get_object(request, object_id)
        extra_context = {
            **(extra_context or {}),
            "show_save": False,
            "show_save_and_continue": False,
            "show_save_and_add_another": False,
            "show_delete": False,
        }
        if obj is not None:
            extra_context["suggestions"] = suggested_matches(obj)
            extra_context["matches"] = (
                ConnectionMatch.objects.filter(Q(first=obj) | Q(second=obj))
                .select_related("proposed_by")
                .order_by("-created_at")
            )
            extra_context["can_propose"] = self.has_change_permission(request, obj)
        return super().change_view(request, object_id, form_url, extra_context)

    def propose_view(self, request, object_id, other_id):
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        first = get_object_or_404(ConnectionRequest, pk=object_id)
        second = get_object_or_404(ConnectionRequest, pk=other_id)
        if not (self.has_change_permission(request, first) and self.has_change_permission(request, second)):
            raise PermissionDenied
        try:
            match = services.propose_match(first=first, second=second, acting_user=request.user)
        except services.SupportError as exc:
            self.message_user(request, str(exc), messages.ERROR)
        else:
            for connection_request in (first, second):
                self.log_change(request, connection_request, f"Proposed {match}")
            self.message_user(
                request, f"{match} proposed: both families have been asked by email.", messages.SUCCESS
            )
        return redirect(reverse("admin:support_connectionrequest_change", args=[first.pk]))

    def export_counts_view(self, request):
        """Anonymous counts per disease and status, for reporting. No personal field is read."""
        if not self.has_view_permission(request):
            raise PermissionDenied
        rows = (
            ConnectionRequest.objects.order_by()
            .values("disease__name", "disease__slug", "status")
            .annotate(requests=Count("pk"))
            .order_by("disease__name", "disease__slug", "status")
        )
        response = HttpResponse(content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = (
            f'attachment; filename="connection-requests-{timezone.localdate():%Y-%m-%d}.csv"'
        )
        writer = csv.writer(response)
        writer.writerow(["disease", "disease_slug", "status", "requests"])
        for row in rows:
            writer.writerow([row["disease__name"], row["disease__slug"], row["status"], row["requests"]])
        logger.info("User #%s exported anonymous request counts", request.user.pk)
        return response

    @admin.action(description="Close selected requests", permissions=["change"])
    def close_selected(self, request, queryset):
        done = _apply_to_each(self, request, queryset, services.close_request)
        if done:
            self.message_user(request, f"Closed {done} request(s).", messages.SUCCESS)

    @admin.action(
        description="Withdraw selected requests and erase their personal details (cannot be undone)",
        permissions=["change"],
    )
    def withdraw_selected(self, request, queryset):
        done = _apply_to_each(self, request, queryset, services.withdraw_request)
        if done:
            self.message_user(request, f"Withdrew and erased {done} request(s).", messages.SUCCESS)


@admin.register(ConnectionMatch)
class ConnectionMatchAdmin(admin.ModelAdmin):
    list_display = ["__str__", "first", "second", "status", "first_response", "second_response", "created_at"]
    list_filter = ["status"]
    list_select_related = ["first", "second"]
    search_fields = ["=id", "=first__id", "=second__id"]
    readonly_fields = [
        "first",
        "second",
        "status",
        "first_response",
        "second_response",
        "proposed_by",
        "created_at",
        "decided_at",
    ]
    fields = readonly_fields

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(OutboxMessage)
class OutboxMessageAdmin(admin.ModelAdmin):
    """Delivery status only: recipients and bodies are personal data and are not shown."""

    list_display = [
        "__str__",
        "request",
        "delivery",
        "attempts",
        "next_attempt_at",
        "last_error",
        "created_at",
    ]
    list_filter = ["kind", ("sent_at", admin.EmptyFieldListFilter)]
    list_select_related = ["request"]
    search_fields = ["=id", "=request__id"]
    fields = [
        "kind",
        "request",
        "subject",
        "created_at",
        "attempts",
        "next_attempt_at",
        "last_error",
        "sent_at",
    ]
    readonly_fields = fields
    actions = ["retry_now"]

    @admin.display(description="Delivered")
    def delivery(self, obj):
        if obj.sent_at:
            return format_html("<span title='{}'>sent</span>", obj.sent_at.isoformat(timespec="seconds"))
        return format_html("<strong>{}</strong>", "waiting")

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def save_model(self, request, obj, form, change):
        """Read-only: delivery state is written by the worker."""

    @admin.action(description="Try to deliver the selected messages now", permissions=["change"])
    def retry_now(self, request, queryset):
        waiting = list(queryset.filter(sent_at__isnull=True).values_list("pk", flat=True))
        queued = sum(schedule_delivery(message_id) for message_id in waiting)
        self.message_user(request, f"Queued {queued} undelivered message(s) for delivery.", messages.SUCCESS)
