"""The glossary's entries as editors keep them: a medical word, the ways it is written, and its explanation
in plain words. ``manage.py load_glossary`` writes the entries shipped in ``diseases.glossary.entries``;
editors change them through ``diseases.editorial.glossary``."""

from django.db import models
from django.db.models.functions import Cast
from django.urls import reverse
from simple_history.models import HistoricalRecords

from ..glossary.words import normal_form

# Who may write entries; the migrations give them to Editors and Reviewers, the services check them.
GLOSSARY_ADD_PERMISSION = "diseases.add_glossaryentry"
GLOSSARY_CHANGE_PERMISSION = "diseases.change_glossaryentry"
GLOSSARY_DELETE_PERMISSION = "diseases.delete_glossaryentry"


class GlossaryEntryQuerySet(models.QuerySet):
    def for_pages(self):
        """What pages show of every entry, as plain tuples ``(pk, term, slug, forms, explanation)`` in
        a stable order: one query, read once per page. ``forms`` comes as its JSON text: decoding
        every entry's list costs more than the rest of the read, and is needed only when the
        glossary changed (``pages.glossary.Glossary``)."""
        forms_json = Cast("forms", models.TextField())
        return self.order_by("pk").values_list("pk", "term", "slug", forms_json, "explanation")


class GlossaryEntry(models.Model):
    class Origin(models.TextChoices):
        """Whether ``load_glossary`` may still update an entry: only while no editor has written it."""

        SHIPPED = "shipped", "Shipped with the site"
        EDITOR = "editor", "Written or changed by an editor"

    # An explanation opens in a small box beside the word, on a phone too.
    EXPLANATION_MAX_WORDS = 40
    EXPLANATION_MAX_LENGTH = 300

    term = models.CharField(max_length=100, unique=True, help_text="The word as the glossary lists it.")
    slug = models.SlugField(max_length=100, unique=True, help_text="Its anchor on the glossary page.")
    forms = models.JSONField(
        default=list,
        blank=True,
        help_text="Every way the word is written on pages, the term first: plurals, adjectives, spellings.",
    )
    explanation = models.TextField(max_length=EXPLANATION_MAX_LENGTH)
    origin = models.CharField(max_length=10, choices=Origin.choices, default=Origin.EDITOR)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = GlossaryEntryQuerySet.as_manager()
    history = HistoricalRecords(excluded_fields=["updated_at"])

    class Meta:
        ordering = ["term"]
        verbose_name = "glossary entry"
        verbose_name_plural = "glossary entries"

    def __str__(self):
        return self.term

    def get_absolute_url(self):
        return f"{reverse('diseases:glossary')}#{self.slug}"

    @property
    def other_forms(self) -> list[str]:
        """Its forms but the term itself: what an editor types beside the term."""
        term = normal_form(self.term)
        return [form for form in self.forms if normal_form(form) != term]
