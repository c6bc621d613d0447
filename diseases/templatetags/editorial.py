from django import template
from django.db.models import Count, Q

from diseases.models import Disease

register = template.Library()


@register.inclusion_tag("admin/_editorial_dashboard.html", takes_context=True)
def editorial_dashboard(context):
    """The editorial counts on the admin index, all in one query."""
    user = context["request"].user
    if not user.has_perm("diseases.view_disease"):
        return {"show": False}
    counts = Disease.objects.aggregate(
        mine=Count("pk", filter=Disease.mine_q(user)),
        waiting=Count("pk", filter=Disease.waiting_for_review_q()),
        scheduled=Count("pk", filter=Disease.scheduled_q()),
        drafts=Count("pk", filter=Q(status=Disease.Status.DRAFT)),
        review_due=Count("pk", filter=Disease.review_due_q()),
    )
    return {"show": True, "reviewer": user.has_perm("diseases.publish_disease"), **counts}
