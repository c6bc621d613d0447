"""Small HPO and GARD files for the import tests, laid out exactly like the real package files.

``ImportFiles.default(directory)`` holds a handful of terms, HPO records and GARD entries around
autoimmune lymphoproliferative syndrome (ALPS). Tests change ``terms``, ``rows`` or ``entries``
(or write raw text with ``write_text``) and call ``run()``, which writes the files and runs
``manage.py import_data`` on them.
"""

import json
from dataclasses import dataclass, field
from io import StringIO
from pathlib import Path

from django.core.management import call_command

HPOA_COLUMNS = [
    "database_id",
    "disease_name",
    "qualifier",
    "hpo_id",
    "reference",
    "evidence",
    "onset",
    "frequency",
    "sex",
    "modifier",
    "aspect",
    "biocuration",
]


def term(hpo_id, name, *, definition="", parents=(), synonyms=(), obsolete=False, replaced_by=""):
    """A term; ``synonyms`` are ``(name, scope, type)`` triples, type "" or e.g. "layperson"."""
    return {
        "id": hpo_id,
        "name": name,
        "definition": definition,
        "parents": list(parents),
        "synonyms": list(synonyms),
        "obsolete": obsolete,
        "replaced_by": replaced_by,
    }


def row(
    database_id,
    disease_name,
    hpo_id,
    *,
    frequency="",
    qualifier="",
    evidence="TAS",
    onset="",
    reference="",
    aspect="P",
):
    return {
        "database_id": database_id,
        "disease_name": disease_name,
        "qualifier": qualifier,
        "hpo_id": hpo_id,
        "reference": reference or database_id,
        "evidence": evidence,
        "onset": onset,
        "frequency": frequency,
        "sex": "",
        "modifier": "",
        "aspect": aspect,
        "biocuration": "HPO:tester[2025-01-01]",
    }


def gard_entry(gard_id, name, *, slug=None, synonyms=(), categories=()):
    entry = {
        "id": gard_id,
        "name": name,
        "encodedName": slug if slug is not None else name.lower().replace(" ", "-"),
    }
    if synonyms:
        entry["synonyms"] = list(synonyms)
    if categories:
        entry["diseaseCategories"] = list(categories)
    return entry


ALPS = "Autoimmune lymphoproliferative syndrome"


def default_terms():
    root = "HP:0000001"
    abnormal = "HP:0000118"
    return [
        term(root, "All"),
        term(abnormal, "Phenotypic abnormality", definition="A phenotypic abnormality.", parents=[root]),
        term(
            "HP:0001744",
            "Splenomegaly",
            definition="Abnormal increased size of the spleen.",
            parents=[abnormal],
            synonyms=[("Increased spleen size", "EXACT", "layperson"), ("Enlarged spleen", "RELATED", "")],
        ),
        term(
            "HP:0002716",
            "Lymphadenopathy",
            definition="Enlarged lymph nodes.",
            parents=[abnormal],
            synonyms=[("Swollen lymph nodes", "EXACT", "layperson")],
        ),
        term(
            "HP:0001873",
            "Thrombocytopenia",
            definition="A reduced number of platelets.",
            parents=[abnormal],
            synonyms=[("Low platelet count", "EXACT", "layperson")],
        ),
        term("HP:0001250", "Seizure", parents=[abnormal], synonyms=[("Fits", "BROAD", "layperson")]),
        term("HP:0011097", "Epileptic spasm", parents=["HP:0001250"]),
        term("HP:0001745", "obsolete Enlarged spleen", obsolete=True, replaced_by="HP:0001744"),
        term("HP:0000006", "Autosomal dominant inheritance", parents=[root]),
        term("HP:0003577", "Congenital onset", parents=[root]),
        term("HP:0040279", "Frequency", parents=[root]),
        *[
            term(f"HP:00402{n}", label, parents=["HP:0040279"])
            for n, label in [
                (80, "Obligate"),
                (81, "Very frequent"),
                (82, "Frequent"),
                (83, "Occasional"),
                (84, "Very rare"),
                (85, "Excluded"),
            ]
        ],
    ]


def default_rows():
    return [
        row("ORPHA:3261", ALPS, "HP:0001744", frequency="HP:0040281"),
        row("ORPHA:3261", ALPS, "HP:0002716", frequency="HP:0040282"),
        row("ORPHA:3261", ALPS, "HP:0001250", qualifier="NOT"),
        row("OMIM:601859", ALPS, "HP:0001744", evidence="IEA"),
        row(
            "OMIM:601859",
            ALPS,
            "HP:0001873",
            frequency="7/13",
            evidence="PCS",
            onset="HP:0003577",
            reference="PMID:111;OMIM:601859;PMID:222",
        ),
        row("OMIM:601859", ALPS, "HP:0000006", evidence="IEA", aspect="I"),
        row("OMIM:300000", "Zed syndrome", "HP:0001250", frequency="45%"),
        row("DECIPHER:1", "Lonely deletion syndrome", "HP:0001873"),
    ]


def default_entries():
    return [
        gard_entry(
            8686,
            ALPS,
            slug="autoimmune-lymphoproliferative-syndrome",
            synonyms=["ALPS", "Canale-Smith syndrome"],
            categories=["Cancer", "Genetics", "Hematology"],
        ),
        gard_entry(5000, "Example dystrophy", synonyms=["Zed syndrome"], categories=["Neurology"]),
        gard_entry(5001, "Quiet GARD disease"),
    ]


def obo_text(terms, version="2025-01-16"):
    lines = [
        "format-version: 1.2",
        f"data-version: hp/releases/{version}",
        'synonymtypedef: layperson "layperson term"',
        "ontology: hp.obo",
        "",
    ]
    for item in terms:
        lines += ["[Term]", f"id: {item['id']}", f"name: {item['name']}"]
        if item["definition"]:
            escaped = item["definition"].replace("\\", "\\\\").replace('"', '\\"')
            lines.append(f'def: "{escaped}" [https://orcid.org/0000-0000-0000-0000]')
        for name, scope, kind in item["synonyms"]:
            lines.append(f'synonym: "{name}" {scope}{" " + kind if kind else ""} []')
        lines += [f"is_a: {parent} ! parent" for parent in item["parents"]]
        if item["obsolete"]:
            lines.append("is_obsolete: true")
        if item["replaced_by"]:
            lines.append(f"replaced_by: {item['replaced_by']}")
        lines.append("")
    lines += ["[Typedef]", "id: part_of", "name: part of", ""]
    return "\n".join(lines) + "\n"


def hpoa_text(rows, version="2025-01-16"):
    lines = [
        '#description: "HPO annotations for rare diseases"',
        f"#version: {version}",
        "#tracker: https://github.com/obophenotype/human-phenotype-ontology/issues",
        "\t".join(HPOA_COLUMNS),
    ]
    lines += ["\t".join(item[column] for column in HPOA_COLUMNS) for item in rows]
    return "\n".join(lines) + "\n"


def gard_text(entries):
    return json.dumps(entries, separators=(",", ":"))


@dataclass
class ImportFiles:
    directory: Path
    terms: list = field(default_factory=default_terms)
    rows: list = field(default_factory=default_rows)
    entries: list = field(default_factory=default_entries)
    obo_version: str = "2025-01-16"
    hpoa_version: str = "2025-01-16"
    raw: dict = field(default_factory=dict)  # file kind -> text that replaces the generated one

    @classmethod
    def default(cls, directory):
        return cls(directory=Path(directory))

    @property
    def paths(self):
        return {
            "obo": self.directory / "hp.obo",
            "hpoa": self.directory / "phenotype.hpoa",
            "gard": self.directory / "diseases.trimmed.json",
        }

    def texts(self):
        return {
            "obo": obo_text(self.terms, self.obo_version),
            "hpoa": hpoa_text(self.rows, self.hpoa_version),
            "gard": gard_text(self.entries),
        } | self.raw

    def write(self):
        self.directory.mkdir(parents=True, exist_ok=True)
        for kind, text in self.texts().items():
            self.paths[kind].write_text(text, encoding="utf-8")
        return self.paths

    def write_text(self, kind, text):
        """Use ``text`` as the file instead of the generated one (for malformed files)."""
        self.raw[kind] = text

    def run(self, *args):
        """Write the files and import them; returns what the command printed."""
        paths = self.write()
        output = StringIO()
        call_command(
            "import_data",
            *args,
            obo=str(paths["obo"]),
            hpoa=str(paths["hpoa"]),
            gard=str(paths["gard"]),
            stdout=output,
        )
        return output.getvalue()


def clear_imported_data():
    """Delete every row an import writes (and rows derived from them, such as a search index).

    Plain SQL deletes, as the import itself uses, so no history rows are written on the way out.
    """
    from django.db import connection

    from diseases.importer.relations import dependents
    from diseases.models import (
        Annotation,
        Category,
        DataRelease,
        Disease,
        DiseaseSynonym,
        ExternalIdentifier,
        Phenotype,
        PhenotypeSynonym,
        Reference,
        Resource,
    )

    imported = [
        Annotation,
        PhenotypeSynonym,
        Phenotype.parents.through,
        DiseaseSynonym,
        ExternalIdentifier,
        Disease.categories.through,
        Reference,
        Resource,
    ]
    derived = [
        related
        for model in (Disease, Phenotype)
        for related, _ in dependents(model, {*imported, Phenotype}, keep=(Reference, Resource))[0]
    ]
    with connection.cursor() as cursor:
        for model in [*dict.fromkeys(derived), *imported, Disease, Category]:
            cursor.execute(f"DELETE FROM {connection.ops.quote_name(model._meta.db_table)}")
        table = connection.ops.quote_name(Phenotype._meta.db_table)
        cursor.execute(f"UPDATE {table} SET replaced_by_id = NULL")
        for model in (Phenotype, DataRelease):
            cursor.execute(f"DELETE FROM {connection.ops.quote_name(model._meta.db_table)}")


def database_snapshot():
    """Every row the import could touch, as plain values, to compare before and after a run."""
    from diseases.models import (
        Annotation,
        Category,
        DataRelease,
        Disease,
        DiseaseSynonym,
        ExternalIdentifier,
        Phenotype,
        PhenotypeSynonym,
    )

    models = [
        Annotation,
        Category,
        DataRelease,
        Disease,
        DiseaseSynonym,
        ExternalIdentifier,
        Phenotype,
        PhenotypeSynonym,
        Phenotype.parents.through,
        Disease.categories.through,
    ]
    return {model._meta.label: sorted(model.objects.order_by().values_list(), key=repr) for model in models}


def summary_counts(output, label):
    """(created, updated, removed) from the row of the import's summary table labelled ``label``."""
    line = next(line for line in output.splitlines() if line.startswith(label + "  "))
    return tuple(int(number.replace(",", "")) for number in line[len(label) :].split())
