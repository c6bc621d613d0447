"""What every page's template may read: facts the whole site shares."""

from diseases.search import MAX_QUERY_LENGTH


def site(request):
    return {"search_max_length": MAX_QUERY_LENGTH}
