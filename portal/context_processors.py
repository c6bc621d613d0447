"""What every page's template may read: facts the whole site shares."""

from django.utils.functional import SimpleLazyObject

from diseases import cards
from diseases.search import MAX_QUERY_LENGTH
from toolbox.addresses import public_url


def canonical_url(request) -> str:
    """The page's one public address (``SITE_URL`` and the path), for ``<link rel="canonical">``.

    The query string is dropped (a search or a form state is not a page of its own) except a page
    number past the first, which lists other rows. A template may set its own (the A–Z letters do).
    """
    address = public_url(request.path)
    page = request.GET.get("page", "")
    if page.isascii() and page.isdigit() and int(page) > 1:
        address += f"?page={int(page)}"
    return address


def site(request):
    return {
        "search_max_length": MAX_QUERY_LENGTH,
        "canonical_url": canonical_url(request),
        "site_card": SimpleLazyObject(cards.site_card),  # read only by pages that show no card of their own
    }
