"""The one per-client rate limit of the site (the parent form, CSP reports, the API), counted in the shared
cache so that it holds across processes and servers.

A rate is written one way everywhere: a count, a slash and a period, "10/h", "120/min" or "100/5m"
(s, m, h, d, or sec, min, hour, day). The count is a sliding window: this period's requests plus
the last period's, weighted by how much of it still overlaps the window, so a client cannot send
twice the rate across the turn of a period, and a limit never lifts all at once at a boundary.

Written here rather than taken from django-ratelimit or DRF's throttle, because both key the cache by
the client's address in clear (DRF) or unkeyed MD5 (django-ratelimit), which anyone who reads the
cache can reverse for IPv4; here the key is a keyed hash. DRF's throttle (``diseases.api.throttling``)
is a thin adapter over ``hit``.
"""

import hashlib
import hmac
import logging
import math
import re
import time
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import ImproperlyConfigured

from .clients import client_address

logger = logging.getLogger(__name__)

UNITS = {"s": 1, "sec": 1, "second": 1, "m": 60, "min": 60, "minute": 60, "h": 3600, "hour": 3600}
UNITS |= {"d": 86400, "day": 86400}
RATE = re.compile(r"^\s*(\d+)\s*/\s*(\d*)\s*([a-z]+?)s?\s*$")


@dataclass(frozen=True)
class Rate:
    count: int
    seconds: int

    @classmethod
    def parse(cls, value: str):
        """ "10/h" is ten per hour; "120/min" a hundred and twenty per minute; "100/5m" a hundred per five minutes."""
        match = RATE.match((value or "").lower())
        if not match or match.group(3) not in UNITS or int(match.group(1)) < 1:
            raise ImproperlyConfigured(f"A rate looks like 10/h, 120/min or 100/5m, not {value!r}.")
        count, multiple, unit = match.groups()
        return cls(count=int(count), seconds=int(multiple or 1) * UNITS[unit])


@dataclass(frozen=True)
class Verdict:
    allowed: bool
    retry_after: int = 0  # seconds until one more request would be allowed, when it is not


def client_id(request) -> str:
    """A keyed hash of the client's address: the cache never holds the address itself."""
    address = client_address(request)
    return hmac.new(settings.SECRET_KEY.encode(), address.encode(), hashlib.sha256).hexdigest()[:32]


def hit(request, *, scope: str, rate: str, now: float | None = None) -> Verdict:
    """Count this request of ``request``'s client in ``scope`` and say whether it is within ``rate``.

    An unreachable cache lets the request through (a family's form must never be turned away for it),
    and says so in the log.
    """
    limit = Rate.parse(rate)
    now = time.time() if now is None else now
    window, into = divmod(now, limit.seconds)
    key = f"ratelimit:{scope}:{client_id(request)}:{{}}"
    try:
        used = _count(key.format(int(window)), timeout=2 * limit.seconds + 60)
        previous = cache.get(key.format(int(window) - 1)) or 0
    except Exception as exc:
        logger.warning("Rate limit not checked, the cache is unavailable (%s)", type(exc).__name__)
        return Verdict(True)
    if used is None:  # django-redis counts an unreachable Redis as a miss and logs the outage once
        return Verdict(True)
    overlap = 1 - into / limit.seconds
    if previous * overlap + used <= limit.count:
        return Verdict(True)
    return Verdict(False, _seconds_until_allowed(limit, previous, used, into))


def allow(request, *, scope: str, rate: str) -> bool:
    return hit(request, scope=scope, rate=rate).allowed


def _count(key, *, timeout):
    try:
        return cache.incr(key)
    except ValueError:  # no count yet this period (or it was evicted)
        if cache.add(key, 1, timeout=timeout):
            return 1
        return cache.incr(key)


def _seconds_until_allowed(limit, previous, used, into) -> int:
    """When the weighted count, with no more requests, leaves room for one more."""
    room = limit.count - 1
    if previous and used <= room:
        # Later in this period, once enough of the last one has slid out of the window.
        share_left = (room - used) / previous
        return max(1, math.ceil((1 - share_left) * limit.seconds - into))
    # In the next period, this period's requests weigh less and less as it goes.
    share_left = room / used if used else 1
    return max(1, math.ceil(limit.seconds - into + (1 - share_left) * limit.seconds))
