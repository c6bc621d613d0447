"""The API's throttle: the site's one rate limit (``toolbox.ratelimit``) at ``settings.API_ANON_RATE``, for
readers who are not signed in, counted across every endpoint together. In a module of its own because
DRF imports it from settings while they are still loading."""

from django.conf import settings
from rest_framework.throttling import BaseThrottle

from toolbox import ratelimit


class AnonymousRateThrottle(BaseThrottle):
    """The rate is read per request rather than frozen at import, so deployments and tests can change it."""

    def allow_request(self, request, view):
        rate = settings.API_ANON_RATE
        if not rate or (request.user and request.user.is_authenticated):
            return True
        self.verdict = ratelimit.hit(request, scope="api", rate=rate)
        return self.verdict.allowed

    def wait(self):
        return self.verdict.retry_after
