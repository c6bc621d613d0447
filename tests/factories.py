import factory
from django.utils import timezone

from diseases.models import (
    Annotation,
    Category,
    Disease,
    DiseaseCharacteristic,
    DiseaseClassification,
    DiseaseDefinition,
    DiseaseFamily,
    DiseaseGene,
    DiseaseSynonym,
    ExternalIdentifier,
    Gene,
    Phenotype,
    PhenotypeSynonym,
    Reference,
    Resource,
)
from diseases.plain.build import build_summaries


class CategoryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Category
        django_get_or_create = ["name"]

    name = factory.Sequence(lambda n: f"Category {n}")
    slug = factory.LazyAttribute(lambda o: o.name.lower().replace(" ", "-"))


class DiseaseFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Disease

    name = factory.Sequence(lambda n: f"Example syndrome {n}")
    slug = factory.Sequence(lambda n: f"example-syndrome-{n}")
    status = Disease.Status.PUBLISHED
    summary = "A short summary in our own words."
    content_updated_at = factory.LazyFunction(timezone.now)


class DiseaseSynonymFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = DiseaseSynonym

    disease = factory.SubFactory(DiseaseFactory)
    name = factory.Sequence(lambda n: f"Other name {n}")


class ExternalIdentifierFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ExternalIdentifier

    disease = factory.SubFactory(DiseaseFactory)
    source = ExternalIdentifier.Source.ORPHA
    code = factory.Sequence(lambda n: str(100000 + n))


class PhenotypeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Phenotype

    hpo_id = factory.Sequence(lambda n: f"HP:{9000000 + n:07d}")
    name = factory.Sequence(lambda n: f"Abnormal finding {n}")
    definition = "A finding made up for tests."


class PhenotypeSynonymFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PhenotypeSynonym

    phenotype = factory.SubFactory(PhenotypeFactory)
    name = factory.Sequence(lambda n: f"everyday name {n}")
    is_lay = True


class AnnotationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Annotation

    disease = factory.SubFactory(DiseaseFactory)
    phenotype = factory.SubFactory(PhenotypeFactory)
    band = Annotation.Band.FREQUENT
    frequency = "HP:0040282"
    source_record = "ORPHA:3261"
    evidence = "TAS"


class ReferenceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Reference

    disease = factory.SubFactory(DiseaseFactory)
    number = factory.Sequence(lambda n: n + 1)
    title = factory.Sequence(lambda n: f"A reference {n}")
    publisher = "A publisher"
    url = "https://example.org/reference"


class ResourceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Resource

    disease = factory.SubFactory(DiseaseFactory)
    section = Resource.Section.ORGANISATIONS
    title = factory.Sequence(lambda n: f"Support group {n}")
    url = "https://example.org/group"
    description = "Helps families."


class GeneFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Gene

    symbol = factory.Sequence(lambda n: f"GENE{n}")
    name = factory.Sequence(lambda n: f"example gene {n}")
    hgnc_id = factory.Sequence(lambda n: f"HGNC:{90000 + n}")
    ncbi_gene_id = factory.Sequence(lambda n: 800000 + n)


class DiseaseGeneFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = DiseaseGene

    disease = factory.SubFactory(DiseaseFactory)
    gene = factory.SubFactory(GeneFactory)
    source_record = "OMIM:601859"
    is_main = True


class DiseaseDefinitionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = DiseaseDefinition

    disease = factory.SubFactory(DiseaseFactory)
    source = DiseaseDefinition.Source.MONDO
    source_record = factory.Sequence(lambda n: f"MONDO:{n:07d}")
    text = "A disease made up for the tests."


class DiseaseCharacteristicFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = DiseaseCharacteristic

    disease = factory.SubFactory(DiseaseFactory)
    kind = DiseaseCharacteristic.Kind.INHERITANCE
    phenotype = factory.SubFactory(PhenotypeFactory)
    source_record = "OMIM:601859"


class DiseaseClassificationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = DiseaseClassification

    disease = factory.SubFactory(DiseaseFactory)
    mondo_id = factory.Sequence(lambda n: f"MONDO:{5000000 + n:07d}")
    label = factory.Sequence(lambda n: f"example group {n}")


def created(factory_class, count=None, **fields):
    """``count`` rows (or one per value where ``fields`` hold lists) built by ``factory_class`` and written in
    one statement: many times faster than saving each, for the tests that need hundreds of rows. Like the
    import, it sends no signals; the caller's next ordinary save dates the page and moves the generation."""
    listed = {name: value for name, value in fields.items() if isinstance(value, list)}
    count = len(next(iter(listed.values()))) if listed else count
    rows = [
        factory_class.build(**{**fields, **{name: values[index] for name, values in listed.items()}})
        for index in range(count)
    ]
    return factory_class._meta.model.objects.bulk_create(rows)


def disease_with_everything(count):
    """A published disease with ``count`` of each list its page shows: symptoms, genes, inheritance and
    onset rows, types (each with two types of its own), groups and Mondo classifications."""
    disease = disease_with_symptoms(count)
    DiseaseDefinitionFactory(disease=disease)
    genes = created(GeneFactory, count)
    created(
        DiseaseGeneFactory, disease=disease, gene=genes, is_main=[index % 2 == 0 for index in range(count)]
    )
    for kind in DiseaseCharacteristic.Kind:
        created(
            DiseaseCharacteristicFactory,
            disease=disease,
            kind=kind,
            phenotype=created(PhenotypeFactory, count),
        )
    created(DiseaseClassificationFactory, count, disease=disease)
    subtypes, types_of_subtypes, groups = (created(DiseaseFactory, count * n) for n in (1, 2, 1))
    # Each type records a symptom, a gene and a pattern of its own, which its group's page gathers.
    created(AnnotationFactory, disease=subtypes, phenotype=created(PhenotypeFactory, count))
    created(DiseaseGeneFactory, disease=subtypes, gene=created(GeneFactory, count))
    created(DiseaseCharacteristicFactory, disease=subtypes, phenotype=created(PhenotypeFactory, count))
    DiseaseFamily.objects.bulk_create(
        [DiseaseFamily(child=subtype, parent=disease) for subtype in subtypes]
        + [
            DiseaseFamily(child=child, parent=subtypes[index // 2])
            for index, child in enumerate(types_of_subtypes)
        ]
        + [DiseaseFamily(child=disease, parent=group) for group in groups]
    )
    disease.save()  # dates the page and moves the content generation, as the rows' own saves would
    return disease


def disease_with_symptoms(count, **kwargs):
    """A published disease whose table has ``count`` rows, each with a lay name."""
    disease = DiseaseFactory(**kwargs)
    bands = list(Annotation.Band)
    phenotypes = created(PhenotypeFactory, count)
    created(PhenotypeSynonymFactory, phenotype=phenotypes)
    created(
        AnnotationFactory,
        disease=disease,
        phenotype=phenotypes,
        band=[bands[index % len(bands)] for index in range(count)],
    )
    DiseaseSynonymFactory(disease=disease)
    ExternalIdentifierFactory(disease=disease)
    ReferenceFactory(disease=disease, number=1)
    ResourceFactory(disease=disease)
    disease.categories.add(CategoryFactory())
    return disease


# --- Parent connection service (support) ------------------------------------


class ConnectionRequestFactory(factory.django.DjangoModelFactory):
    """A verified request; pass status=... and the matching dates for other stages."""

    class Meta:
        model = "support.ConnectionRequest"

    form_token = factory.Faker("uuid4", cast_to=None)
    disease = factory.SubFactory(DiseaseFactory)
    status = "verified"
    parent_name = factory.Sequence(lambda n: f"Zoë Nguyễn-{n}")
    email = factory.Sequence(lambda n: f"parent{n}@example.org")
    phone = factory.Sequence(lambda n: f"+44 20 7946 {n:04d}")
    relationship = "parent"
    child_age_band = "5_11"
    country = "United Kingdom"
    region = "Yorkshire"
    language = "English"
    message = "We would like to talk to a family who understands."
    share_name = True
    share_email = True
    consented_to_share = True
    privacy_notice_version = "2025-01"
    verified_at = factory.LazyFunction(timezone.now)


# --- Public API and downloads -------------------------------------------------


class DataReleaseFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "diseases.DataRelease"
        django_get_or_create = ["source"]

    source = "hpo"
    version = "2025-05-06"
    file_name = "hp.obo"
    checksum = factory.Sequence(lambda n: f"{n:064x}")
    loaded_at = factory.LazyFunction(timezone.now)


# --- Search and symptom matching ---------------------------------------------


def phenotype(hpo_id, name, *parents):
    term = PhenotypeFactory(hpo_id=hpo_id, name=name)
    term.parents.add(*parents)
    return term


def phenotype_tree():
    """A small slice of the HPO with real ids: blood, spleen, seizures and skin under the root."""
    from types import SimpleNamespace

    t = SimpleNamespace()
    t.root = phenotype("HP:0000118", "Phenotypic abnormality")
    t.blood = phenotype("HP:0001871", "Abnormality of blood", t.root)
    t.bleeding = phenotype("HP:0001892", "Abnormal bleeding", t.blood)
    t.bruise = phenotype("HP:0000978", "Bruising susceptibility", t.bleeding)
    t.nosebleed = phenotype("HP:0000421", "Epistaxis", t.bleeding)
    t.spleen = phenotype("HP:0001743", "Abnormality of the spleen", t.root)
    t.splenomegaly = phenotype("HP:0001744", "Splenomegaly", t.spleen)
    t.nervous = phenotype("HP:0000707", "Abnormality of the nervous system", t.root)
    t.seizure = phenotype("HP:0001250", "Seizure", t.nervous)
    t.focal = phenotype("HP:0007359", "Focal-onset seizure", t.seizure)
    t.generalized = phenotype("HP:0002197", "Generalized-onset seizure", t.seizure)
    t.skin = phenotype("HP:0000951", "Abnormality of the skin", t.root)
    t.dry_skin = phenotype("HP:0000958", "Dry skin", t.skin)
    t.inheritance = phenotype("HP:0000006", "Autosomal dominant inheritance")
    return t


def disease_with_annotations(name, *annotations, status=Disease.Status.PUBLISHED):
    """``annotations`` are (term, band) pairs, or (term, band, {"is_excluded": True}) and the like."""
    disease = DiseaseFactory(name=name, status=status)
    for term, band, *extra in annotations:
        AnnotationFactory(disease=disease, phenotype=term, band=band, **(extra[0] if extra else {}))
    return disease


def matching_catalogue(t):
    """Diseases on ``phenotype_tree()`` that tell frequency bands, exclusions and the gate apart."""
    from types import SimpleNamespace

    band = Annotation.Band
    d = SimpleNamespace()
    d.bleeding = disease_with_annotations(
        "Bleeding disorder",
        (t.bruise, band.VERY_FREQUENT),
        (t.nosebleed, band.VERY_FREQUENT),
        (t.splenomegaly, band.RARE),
    )
    d.spleen = disease_with_annotations(
        "Spleen disease", (t.splenomegaly, band.VERY_FREQUENT), (t.bruise, band.RARE)
    )
    d.focal = disease_with_annotations(
        "Focal epilepsy",
        (t.focal, band.VERY_FREQUENT),
        (t.bruise, band.VERY_FREQUENT, {"is_excluded": True}),
    )
    d.focal_twin = disease_with_annotations("Focal epilepsy twin", (t.focal, band.VERY_FREQUENT))
    d.seizures = disease_with_annotations("Seizure disorder", (t.seizure, band.FREQUENT))
    d.hidden = disease_with_annotations(
        "Hidden spleen disease", (t.splenomegaly, band.VERY_FREQUENT, {"is_hidden": True})
    )
    d.draft = disease_with_annotations(
        "Draft bleeding disease",
        (t.bruise, band.VERY_FREQUENT),
        (t.nosebleed, band.VERY_FREQUENT),
        status=Disease.Status.DRAFT,
    )
    # Unrelated diseases make the seizure branch informative, as it is in the real catalogue.
    d.fillers = [
        disease_with_annotations(f"Skin disease {index}", (t.dry_skin, band.FREQUENT)) for index in range(10)
    ]
    return d


def searchable_alps(*, omim_label=""):
    """ALPS as search sees it: its name, two other names, its GARD id and ORPHA and OMIM identifiers."""
    disease = DiseaseFactory(
        name="Autoimmune lymphoproliferative syndrome",
        slug="autoimmune-lymphoproliferative-syndrome",
        gard_id=8686,
    )
    DiseaseSynonymFactory(disease=disease, name="ALPS")
    DiseaseSynonymFactory(disease=disease, name="Canale-Smith syndrome")
    ExternalIdentifierFactory(disease=disease, source="ORPHA", code="3261")
    ExternalIdentifierFactory(disease=disease, source="OMIM", code="601859", label=omim_label)
    return disease


def plainly_summarised_disease(**fields):
    """A published page with one frequent symptom (an HPO release on record) and its plain words built."""
    DataReleaseFactory(source="hpoa", version="2025-01-16")
    disease = DiseaseFactory(name="Plainly told syndrome", **fields)
    term = phenotype("HP:0001744", "Splenomegaly")
    PhenotypeSynonymFactory(phenotype=term, name="enlarged spleen")
    AnnotationFactory(disease=disease, phenotype=term, band=1)
    build_summaries([disease.pk])
    return disease
