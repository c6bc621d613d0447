"""One setting, TRUSTED_PROXIES, decides which address is the client's everywhere."""

import pytest
from django.test import RequestFactory

from toolbox.clients import client_address

FORWARDED = "198.51.100.7, 203.0.113.9, 10.0.0.2"


@pytest.mark.parametrize(
    ("proxies", "expected"),
    [
        (0, "192.0.2.1"),  # no proxy: X-Forwarded-For is whatever the client wrote, so it is ignored
        (1, "10.0.0.2"),
        (2, "203.0.113.9"),
        (3, "198.51.100.7"),
        (5, "198.51.100.7"),  # fewer entries than proxies: the leftmost
    ],
)
def test_the_client_is_the_entry_the_trusted_proxies_vouch_for(settings, proxies, expected):
    settings.TRUSTED_PROXIES = proxies
    request = RequestFactory().get("/", REMOTE_ADDR="192.0.2.1", HTTP_X_FORWARDED_FOR=FORWARDED)
    assert client_address(request) == expected


def test_without_the_header_the_connection_address_is_used(settings):
    settings.TRUSTED_PROXIES = 1
    assert client_address(RequestFactory().get("/", REMOTE_ADDR="192.0.2.1")) == "192.0.2.1"
