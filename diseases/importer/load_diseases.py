"""Write the disease pages, their identifiers, other names and GARD categories: the difference only.

A page is found again through its identifiers (unique source + code) and its GARD id, never by its
name. What editors own is never overwritten: written content, references, resources, the status,
and any identifier, other name or symptom row whose origin is "editor". The slug never changes once
a page exists, so links keep working. The name follows the sources only while the page has no
written content; after that the sources' name is kept among the other names.
"""

from collections import Counter, defaultdict

from django.utils.text import slugify

from diseases.bulk import batched, delete_rows, insert_rows, update_rows
from diseases.models import Category, Disease, DiseaseRedirect, DiseaseSynonym, ExternalIdentifier, Origin
from diseases.name_rules import is_name_of

from .names import same_name_key, unique_slug

IMPORT = Origin.IMPORT.value
JOINED_BY_SOURCE = ExternalIdentifier.JoinedBy.SOURCE.value
# Imported other names come after those an editor placed by hand.
SYNONYM_POSITION_START = 1000
CategoryLink = Disease.categories.through


def diseases_with_written_content():
    return set(Disease.objects.with_written_content().values_list("pk", flat=True))


class DiseaseLoader:
    def __init__(self, plans, summary, stage, now):
        self.plans = plans
        self.summary = summary
        self.stage = stage
        self.now = now
        self.disease_pks = []  # parallel to plans

    def load(self):
        self.read_existing()
        self.assign()
        self.write_diseases()
        self.stage.advance()
        self.write_identifiers()
        self.write_synonyms()
        self.write_categories()
        self.stage.advance()
        return self.disease_pks

    def read_existing(self):
        self.diseases = {
            pk: (slug, gard_id, name)
            for pk, slug, gard_id, name in Disease.objects.values_list(
                "pk", "slug", "gard_id", "name"
            ).order_by()
        }
        self.by_gard = {gard_id: pk for pk, (_, gard_id, _) in self.diseases.items() if gard_id is not None}
        self.written = diseases_with_written_content()
        self.identifiers = {
            (source, code): (pk, disease_id, label, origin, joined_by)
            for pk, source, code, disease_id, label, origin, joined_by in ExternalIdentifier.objects.values_list(
                "pk", "source", "code", "disease_id", "label", "origin", "joined_by"
            ).order_by()
        }
        self.moved_to = {}  # a page that gave up identifiers -> the page that took most of them

    def assign(self):
        """Match each plan to at most one existing page; GARD plans choose first, by their lowest GARD id."""
        plan_gard_ids = {gard_id for plan in self.plans for gard_id in gard_ids(plan)}
        claimed = set()
        self.assigned = []
        for plan in self.plans:
            own_gard_ids = gard_ids(plan)
            candidates = [self.by_gard[gard_id] for gard_id in own_gard_ids if gard_id in self.by_gard]
            votes = Counter(
                self.identifiers[(source, code)][1]
                for source, code, _ in plan.identifiers
                if (source, code) in self.identifiers
            )
            for pk, _ in sorted(votes.items(), key=lambda item: (-item[1], item[0])):
                gard_id = self.diseases[pk][1]
                # A page that is another GARD entry's stays that entry's.
                if gard_id is None or gard_id in own_gard_ids or gard_id not in plan_gard_ids:
                    candidates.append(pk)
            pk = next((pk for pk in candidates if pk not in claimed), None)
            if pk is not None:
                claimed.add(pk)
            self.assigned.append(pk)

    def write_diseases(self):
        # A merged page's old address keeps redirecting, so no new page may take it.
        taken = {slug for slug, _, _ in self.diseases.values()} | set(
            DiseaseRedirect.objects.values_list("slug", flat=True)
        )
        new, changes = [], []
        for plan, pk in zip(self.plans, self.assigned, strict=True):
            if pk is None:
                slug = unique_slug(plan.slug, plan.slug_suffix, taken)
                taken.add(slug)
                gard_id = plan.gard_id if plan.gard_id not in self.by_gard else None
                new.append(
                    Disease(
                        name=plan.name,
                        slug=slug,
                        gard_id=gard_id,
                        status=Disease.Status.PUBLISHED,
                        published_at=self.now,
                    )
                )
                continue
            slug, gard_id, name = self.diseases[pk]
            target_name = name if pk in self.written else plan.name
            target_gard_id = gard_id
            if gard_id is None and plan.gard_id is not None and plan.gard_id not in self.by_gard:
                target_gard_id = plan.gard_id
            if (target_name, target_gard_id) != (name, gard_id):
                changes.append((pk, target_name, target_gard_id))
                self.diseases[pk] = (slug, target_gard_id, target_name)
        for start in range(0, len(new), 1000):
            Disease.objects.bulk_create(new[start : start + 1000])
        if any(disease.pk is None for disease in new):  # databases that cannot return new keys
            slugs = {disease.slug: disease for disease in new}
            for batch in batched(list(slugs), 500):
                for slug, pk in Disease.objects.filter(slug__in=batch).values_list("slug", "pk"):
                    slugs[slug].pk = pk
        update_rows(Disease, ["name", "gard_id"], changes)
        self.summary.touch(pk for pk, _, _ in changes)
        new_diseases = iter(new)
        for pk in self.assigned:
            if pk is None:
                disease = next(new_diseases)
                pk = disease.pk
                self.diseases[pk] = (disease.slug, disease.gard_id, disease.name)
                self.summary.touch([pk])
            self.disease_pks.append(pk)
        self.summary.count("Diseases", created=len(new), updated=len(changes))

    def write_identifiers(self):
        target = {}
        for plan, disease_pk in zip(self.plans, self.disease_pks, strict=True):
            for source, code, label in plan.identifiers:
                target[(source, code)] = (
                    disease_pk,
                    label,
                    plan.joined_by.get((source, code), JOINED_BY_SOURCE),
                )
        new, changes = [], []
        moves = defaultdict(Counter)
        for key, (disease_pk, label, joined_by) in target.items():
            current = self.identifiers.get(key)
            if current is None:
                new.append((disease_pk, key[0], key[1], label, IMPORT, joined_by))
            elif current[3] == IMPORT and (current[1], current[2], current[4]) != (
                disease_pk,
                label,
                joined_by,
            ):
                changes.append((current[0], disease_pk, label, joined_by, current[1]))
                if current[1] != disease_pk:
                    moves[current[1]][disease_pk] += 1
        gone = [
            (pk, disease_id)
            for key, (pk, disease_id, _, origin, _) in self.identifiers.items()
            if origin == IMPORT and key not in target
        ]
        self.summary.touch(
            [row[0] for row in new] + [c[1] for c in changes] + [c[4] for c in changes] + [d for _, d in gone]
        )
        created = insert_rows(
            ExternalIdentifier, ["disease_id", "source", "code", "label", "origin", "joined_by"], new
        )
        update_rows(
            ExternalIdentifier, ["disease_id", "label", "joined_by"], [change[:4] for change in changes]
        )
        removed = delete_rows(ExternalIdentifier, [pk for pk, _ in gone])
        # Pages no plan claimed that gave up an identifier may have lost their last source; where
        # another page took their records, that page absorbed them.
        self.lost_source = ({disease_id for _, disease_id in gone} | {change[4] for change in changes}) - set(
            self.disease_pks
        )
        self.moved_to = {
            old: targets.most_common(1)[0][0] for old, targets in moves.items() if old in self.lost_source
        }
        self.summary.count("Disease identifiers", created=created, updated=len(changes), removed=removed)

    def write_synonyms(self):
        existing = defaultdict(dict)  # disease_pk -> {name: (pk, origin)}
        for pk, disease_id, name, origin in DiseaseSynonym.objects.values_list(
            "pk", "disease_id", "name", "origin"
        ).order_by():
            existing[disease_id][name] = (pk, origin)
        page_of = {pk: disease_id for disease_id, names in existing.items() for pk, _ in names.values()}
        new, keep, renamed = [], set(), []
        for plan, disease_pk in zip(self.plans, self.disease_pks, strict=True):
            name = self.diseases[disease_pk][2]
            current = existing.get(disease_pk, {})
            editors = {key.casefold() for key, (_, origin) in current.items() if origin != IMPORT}
            ours = {key.casefold(): pk for key, (pk, origin) in current.items() if origin == IMPORT}
            candidates = plan.synonyms
            if same_name_key(name) != same_name_key(plan.name) and is_name_of(plan.name, name):
                candidates = [plan.name, *plan.synonyms]  # the page kept an editor's name
            names = [c for c in candidates if same_name_key(c) != same_name_key(name)]
            for position, synonym in enumerate(names, start=SYNONYM_POSITION_START):
                folded = synonym.casefold()
                if folded in editors:
                    continue  # an editor's spelling of this name stands; ours, if any, goes
                pk = ours.pop(folded, None)
                if pk is None:
                    new.append((disease_pk, synonym, position, IMPORT))
                    continue
                keep.add(pk)
                if synonym not in current:  # the same name in new capitals upstream
                    renamed.append((pk, synonym))
        gone = [
            pk
            for names in existing.values()
            for pk, origin in names.values()
            if origin == IMPORT and pk not in keep
        ]
        self.summary.touch(
            [row[0] for row in new] + [page_of[pk] for pk, _ in renamed] + [page_of[pk] for pk in gone]
        )
        created = insert_rows(DiseaseSynonym, ["disease_id", "name", "position", "origin"], new)
        update_rows(DiseaseSynonym, ["name"], renamed)
        removed = delete_rows(DiseaseSynonym, gone)
        self.summary.count("Disease other names", created=created, updated=len(renamed), removed=removed)

    def write_categories(self):
        names = list(dict.fromkeys(name for plan in self.plans for name in plan.categories))
        categories = dict(Category.objects.values_list("name", "pk"))
        slugs = set(Category.objects.values_list("slug", flat=True))
        missing = []
        for name in names:
            if name not in categories:
                slug = unique_slug(slugify(name), "category", slugs)
                slugs.add(slug)
                missing.append(Category(name=name, slug=slug))
        Category.objects.bulk_create(missing)
        if missing:
            categories = dict(Category.objects.values_list("name", "pk"))
        links = set(CategoryLink.objects.values_list("disease_id", "category_id").order_by())
        # GARD's categories are added, never taken away: editors file pages under categories too.
        new = sorted(
            {
                (disease_pk, categories[name])
                for plan, disease_pk in zip(self.plans, self.disease_pks, strict=True)
                for name in plan.categories
            }
            - links
        )
        insert_rows(CategoryLink, ["disease_id", "category_id"], new)
        self.summary.touch(disease_pk for disease_pk, _ in new)
        self.summary.count("Categories", created=len(missing))
        self.summary.count("Disease categories", created=len(new))


def gard_ids(plan) -> list[int]:
    """Every GARD entry merged into the plan, its own (lowest) first."""
    return sorted(
        int(code) for source, code, _ in plan.identifiers if source == ExternalIdentifier.Source.GARD
    )


def load_diseases(plans, summary, stage, now):
    """Bring the pages in line with ``plans``; returns the loader, whose ``disease_pks`` follow the plans."""
    loader = DiseaseLoader(plans, summary, stage, now)
    loader.load()
    return loader
