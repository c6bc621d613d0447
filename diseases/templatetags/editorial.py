from django import template

from diseases.models import PUBLISH_PERMISSION, Disease

register = template.Library()


@register.inclusion_tag("admin/_editorial_dashboard.html", takes_context=True)
def editorial_dashboard(context):
    """The editorial counts on the admin index, all in one query."""
    user = context["request"].user
    if not user.has_perm("diseases.view_disease"):
        return {"show": False}
    counts = Disease.objects.editorial_counts(user)
    return {
        "show": True,
        "reviewer": user.has_perm(PUBLISH_PERMISSION),
        "review_interval_years": Disease.REVIEW_INTERVAL_YEARS,
        **counts,
    }
