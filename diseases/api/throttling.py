"""The API's throttle, in a module of its own: DRF imports it from settings while it is still loading."""

from django.conf import settings
from rest_framework.throttling import AnonRateThrottle


class AnonymousRateThrottle(AnonRateThrottle):
    """DRF's per-client throttle, counted in the default (shared) cache, at ``settings.API_ANON_RATE``.

    The rate is read per request rather than frozen at import, so deployments and tests can change it.
    """

    def get_rate(self):
        return settings.API_ANON_RATE
