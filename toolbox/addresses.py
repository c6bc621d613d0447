"""Addresses at the site's public address (``SITE_URL``): what e-mails, canonical links, cards and QR codes name."""

from django.conf import settings
from django.urls import reverse


def public_url(path: str) -> str:
    """``path`` at the site's public address."""
    return settings.SITE_URL.rstrip("/") + path


def absolute_url(view_name: str, **kwargs) -> str:
    """The public address of a named view."""
    return public_url(reverse(view_name, kwargs=kwargs))
