"""Writing a whole disease page from a content dict: the demo page (``demo_content``) that ``manage.py
load_demo`` loads, in our own words from its cited sources."""

from django.db import transaction
from django.utils import timezone

from .editorial.editing import reindex, save_with_history
from .models import Category, Disease, DiseaseSynonym, ExternalIdentifier, Reference, Resource


@transaction.atomic
def load_disease_content(*, content: dict, overwrite=False) -> tuple[Disease, bool]:
    """Create or fill in a disease page from a content dict (see ``demo_content.ALPS``).

    An existing page that already has written content is left alone unless
    ``overwrite`` is set, so editors' work is never replaced. Returns the disease
    and whether anything was written.
    """
    disease = Disease.objects.filter(slug=content["slug"]).first()
    if disease is None and content.get("gard_id"):
        disease = Disease.objects.filter(gard_id=content["gard_id"]).first()
    if disease is not None and disease.has_written_content and not overwrite:
        return disease, False

    disease = disease or Disease(slug=content["slug"])
    disease.name = content["name"]
    disease.gard_id = content.get("gard_id")
    disease.status = Disease.Status.PUBLISHED
    disease.last_reviewed_at = disease.published_at = timezone.now()
    for field in Disease.CONTENT_FIELDS:
        setattr(disease, field, content.get(field, ""))
    disease.content_updated_at = timezone.now()
    disease.render_texts()
    disease.full_clean(exclude=["categories"])
    save_with_history(disease, acting_user=None, reason="Demo content loaded")

    disease.categories.add(*[Category.objects.get_or_create(name=name)[0] for name in content["categories"]])
    for position, name in enumerate(content["synonyms"]):
        DiseaseSynonym.objects.update_or_create(disease=disease, name=name, defaults={"position": position})
    for source, code in content["identifiers"]:
        ExternalIdentifier.objects.update_or_create(source=source, code=code, defaults={"disease": disease})
    disease.references.all().delete()
    Reference.objects.bulk_create(
        Reference(disease=disease, **reference) for reference in content["references"]
    )
    disease.resources.all().delete()
    Resource.objects.bulk_create(Resource(disease=disease, **resource) for resource in content["resources"])
    reindex(disease)
    return disease, True
