from django import template
from django.db.models import Count, Q

from diseases.models import Disease

register = template.Library()


@register.inclusion_tag("admin/_editorial_dashboard.html", takes_context=True)
def editorial_dashboard(context):
    user = context["request"].user
    if not user.has_perm("diseases.view_disease"):
        return {"show": False}
    counts = Disease.objects.aggregate(
        in_review=Count("pk", filter=Q(status=Disease.Status.REVIEW)),
        drafts=Count("pk", filter=Q(status=Disease.Status.DRAFT)),
        review_due=Count("pk", filter=Disease.review_due_q()),
    )
    return {"show": True, **counts}
