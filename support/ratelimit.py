"""Per-client rate limit counted in the shared cache, so it holds across processes and servers."""

import hashlib
import hmac
import logging
import re
import time
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import ImproperlyConfigured

from portal.clients import client_address

logger = logging.getLogger(__name__)

PERIODS = {"s": 1, "m": 60, "h": 60 * 60, "d": 24 * 60 * 60}
RATE = re.compile(r"^\s*(\d+)\s*/\s*(\d*)\s*([smhd])\s*$")


@dataclass(frozen=True)
class Rate:
    count: int
    seconds: int

    @classmethod
    def parse(cls, value: str):
        """ "10/h" is ten per hour; "100/5m" a hundred per five minutes."""
        match = RATE.match(value or "")
        if not match:
            raise ImproperlyConfigured(f"A rate looks like 10/h or 100/5m, not {value!r}.")
        count, multiple, unit = match.groups()
        return cls(count=int(count), seconds=int(multiple or 1) * PERIODS[unit])


def client_id(request) -> str:
    """A keyed hash of the client's address: the cache never holds the address itself."""
    address = client_address(request)
    return hmac.new(settings.SECRET_KEY.encode(), address.encode(), hashlib.sha256).hexdigest()[:32]


def allow(request, *, scope: str, rate: str) -> bool:
    """Count this request; False once the client has used up the rate for the current period."""
    limit = Rate.parse(rate)
    window = int(time.time() // limit.seconds)
    key = f"ratelimit:{scope}:{client_id(request)}:{window}"
    try:
        cache.add(key, 0, timeout=limit.seconds + 60)
        try:
            used = cache.incr(key)
        except ValueError:  # evicted between add and incr
            cache.set(key, 1, timeout=limit.seconds + 60)
            used = 1
    except Exception as exc:
        # An unreachable cache must not turn a parent away: let the form through and say so in the log.
        logger.warning("Rate limit not checked, the cache is unavailable (%s)", type(exc).__name__)
        return True
    # None: the cache could not count (django-redis treats an unreachable Redis as a miss, and logs
    # the outage once); let the form through, as above.
    return used is None or used <= limit.count
