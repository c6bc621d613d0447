"""Who is asking: the client's address, as far as the trusted proxies in front of the site vouch for it."""

from django.conf import settings


def client_address(request) -> str:
    """The address ``settings.TRUSTED_PROXIES`` proxies saw the request come from.

    Each trusted proxy appends the address it saw to X-Forwarded-For, so with N of them the N-th
    entry from the right is the client; entries further left were written by the client itself and
    prove nothing. With no trusted proxy, the connection's own address. (Django REST framework's
    throttle reads the same setting, as NUM_PROXIES, and counts the same way.)
    """
    proxies = settings.TRUSTED_PROXIES
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
    if proxies and forwarded:
        addresses = [address.strip() for address in forwarded.split(",")]
        return addresses[-min(proxies, len(addresses))]
    return request.META.get("REMOTE_ADDR", "")
