"""What every model module shares: who owns a row, a page's status and its one gate, and page addresses."""

from functools import lru_cache

from django.db import models
from django.db.models import Q
from django.urls import get_script_prefix, reverse


@lru_cache(maxsize=50_000)
def _address(script_prefix, view_name, key, value):
    return reverse(view_name, kwargs={key: value})


def page_address(view_name, **kwargs):
    """``reverse()`` for the catalogue's own pages, remembered: a disease page links to a hundred
    symptoms, and each ``reverse()`` costs more than the rest of its table row."""
    ((key, value),) = kwargs.items()
    return _address(get_script_prefix(), view_name, key, value)


class Origin(models.TextChoices):
    """Who owns a row: the import may replace its own rows, never an editor's."""

    IMPORT = "import", "Imported"
    EDITOR = "editor", "Editor"


class PageStatus(models.TextChoices):
    """Where a disease page is in the editorial workflow (``Disease.Status``)."""

    DRAFT = "draft", "Draft"
    REVIEW = "review", "In review"
    PUBLISHED = "published", "Published"


def published_condition(relation: str = "") -> Q:
    """The one gate for everything readers see, as a condition: ``Disease.objects.published()`` filters
    pages with it, and rows reached from a page name the way to it (``published_condition("disease__")``).
    """
    return Q(**{f"{relation}status": PageStatus.PUBLISHED})
