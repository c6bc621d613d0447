"""Addresses of pages that were merged into others keep working, with a permanent redirect."""

from functools import wraps

from django.shortcuts import redirect

from diseases.pages import PageMoved


def follows_merged_pages(view):
    """Answer ``PageMoved`` from a view taking ``slug`` with a 301 to the same view of the new page."""

    @wraps(view)
    def wrapper(request, *args, slug, **kwargs):
        try:
            return view(request, *args, slug=slug, **kwargs)
        except PageMoved as moved:
            return redirect_to_moved(request, moved, **kwargs)

    return wrapper


def redirect_to_moved(request, moved, **kwargs):
    match = request.resolver_match
    response = redirect(f"{match.namespace}:{match.url_name}", slug=moved.slug, permanent=True, **kwargs)
    if request.META.get("QUERY_STRING"):
        response["Location"] += f"?{request.META['QUERY_STRING']}"
    return response
