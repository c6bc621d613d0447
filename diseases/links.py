"""Outbound "learn more" links built from a disease's identifiers and name."""

from dataclasses import dataclass
from urllib.parse import quote_plus, urlsplit

from .models import ExternalIdentifier


@dataclass(frozen=True)
class OutboundLink:
    title: str
    url: str
    description: str


def learn_more_links(disease, editor_resources=()):
    """Standard reference sites for a disease, skipping any site an editor already linked."""
    name = quote_plus(disease.name)
    by_source = {i.source: i for i in disease.identifiers.all()}
    orpha = by_source.get(ExternalIdentifier.Source.ORPHA)
    omim = by_source.get(ExternalIdentifier.Source.OMIM)
    mondo = by_source.get(ExternalIdentifier.Source.MONDO)
    links = [
        OutboundLink(
            "Orphanet",
            orpha.url if orpha else f"https://www.orpha.net/en/disease/search?search={name}",
            "The European portal for rare diseases: clinical summaries, expert centres and patient groups.",
        ),
        OutboundLink(
            "OMIM",
            omim.url if omim else f"https://omim.org/search?search={name}",
            "A catalogue of human genes and genetic conditions, written for clinicians and researchers.",
        ),
        OutboundLink(
            "Monarch Initiative",
            mondo.url if mondo else f"https://monarchinitiative.org/search?q={name}",
            "Links the disease with genes, symptoms and models from many databases.",
        ),
        OutboundLink(
            "MedlinePlus",
            f"https://medlineplus.gov/search/?query={name}",
            "Plain-language health information from the US National Library of Medicine.",
        ),
        OutboundLink(
            "ClinicalTrials.gov",
            f"https://clinicaltrials.gov/search?cond={name}",
            "Studies looking for volunteers, and the results of past studies.",
        ),
        OutboundLink(
            "PubMed",
            f"https://pubmed.ncbi.nlm.nih.gov/?term={name}",
            "Research articles about the disease; most are written for specialists.",
        ),
        OutboundLink(
            "Genetic Testing Registry",
            f"https://www.ncbi.nlm.nih.gov/gtr/all/tests/?term={name}",
            "Genetic tests offered for the disease and the laboratories that run them.",
        ),
    ]
    taken_sites = {_site(resource.url) for resource in editor_resources}
    return [link for link in links if _site(link.url) not in taken_sites]


# NCBI serves several unrelated sites from one host (GeneReviews under /books, the GTR under /gtr).
SHARED_HOSTS = {"ncbi.nlm.nih.gov"}


def _site(url):
    parts = urlsplit(url)
    host = (parts.hostname or "").removeprefix("www.")
    if host in SHARED_HOSTS:
        return f"{host}/{parts.path.strip('/').split('/')[0]}"
    return host
