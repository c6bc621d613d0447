"""What every log record carries (the request id), and the cache outage filter. Imports nothing of the
apps: logging is set up first."""

import contextvars
import logging
import threading
import time

request_id = contextvars.ContextVar("request_id", default="-")


class RequestIdFilter(logging.Filter):
    """Stamps each record with the id of the request being served ("-" outside any request)."""

    def filter(self, record):
        if not hasattr(record, "request_id"):
            record.request_id = request_id.get()
        return True


class OncePerOutage(logging.Filter):
    """One warning per cache outage per process, instead of a traceback for every failed command.

    django-redis logs each command it could not run while Redis is unreachable (and then treats it
    as a miss). The first record of an outage passes, rewritten as one plain line; the rest are
    dropped until ``quiet_seconds`` go by without a failure, which ends the outage.
    """

    def __init__(self, quiet_seconds=60):
        super().__init__()
        self.quiet_seconds = quiet_seconds
        self._last_failure = None
        self._lock = threading.Lock()

    def filter(self, record):
        now = time.monotonic()
        with self._lock:
            starts_outage = self._last_failure is None or now - self._last_failure > self.quiet_seconds
            self._last_failure = now
        if not starts_outage:
            return False
        error = record.exc_info[1] if record.exc_info else None
        cause = getattr(error, "__cause__", None) or error
        record.msg = (
            "The cache is unreachable (%s): pages are rendered without it and the limiters let "
            "requests through until it answers again."
        )
        record.args = (type(cause).__name__ if cause else "no answer",)
        record.exc_info = record.exc_text = None
        record.levelno, record.levelname = logging.WARNING, "WARNING"
        return True
