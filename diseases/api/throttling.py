"""The API's throttle, in a module of its own: DRF imports it from settings while it is still loading."""

import logging

from django.conf import settings
from rest_framework.throttling import AnonRateThrottle

logger = logging.getLogger(__name__)


class AnonymousRateThrottle(AnonRateThrottle):
    """DRF's per-client throttle, counted in the default (shared) cache, at ``settings.API_ANON_RATE``.

    The rate is read per request rather than frozen at import, so deployments and tests can change it.
    """

    def get_rate(self):
        return settings.API_ANON_RATE

    def allow_request(self, request, view):
        try:
            return super().allow_request(request, view)
        except Exception as exc:
            # As the parent form's limiter does: an unreachable cache must not take the API down with
            # it. Let the request through and say so once, without a traceback per request.
            logger.warning("API throttle not checked, the cache is unavailable (%s)", type(exc).__name__)
            return True
