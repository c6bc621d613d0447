"""Keeping personal data out of logs: e-mail addresses anywhere in a record, and the signed link tokens
that open a family's request in the paths the request log and CSP reports name.

Our own code never logs personal data; this catches what a library might (an SMTP error quoting
the recipient, a validation message). It must not import models: logging is set up before apps load.
"""

import logging
import re
import traceback

from django.urls import Resolver404, resolve

EMAIL_ADDRESS = re.compile(r"[\w.!#$%&'*+/=?^`{|}~-]+@[\w-]+(?:\.[\w-]+)+", re.UNICODE)
REPLACEMENT = "[email removed]"


def redact(text: str) -> str:
    return EMAIL_ADDRESS.sub(REPLACEMENT, text)


class RedactPersonalData(logging.Filter):
    def filter(self, record):
        message = record.getMessage()
        redacted = redact(message)
        if redacted != message:
            record.msg, record.args = redacted, ()
        if record.exc_info and not record.exc_text:
            # The formatter reuses exc_text when it is set, so the traceback is redacted too.
            record.exc_text = redact("".join(traceback.format_exception(*record.exc_info)).rstrip("\n"))
        elif record.exc_text:
            record.exc_text = redact(record.exc_text)
        return True


# django.core.signing's "value:timestamp:signature", as the support links carry them.
SIGNED_TOKEN = re.compile(r"[^/:]+:[0-9A-Za-z]{1,13}:[A-Za-z0-9_-]{20,}")


def loggable_path(path: str, match=None) -> str:
    """``path`` (never its query) with a signed link token blanked: the token opens a family's request.

    ``match`` is the request's resolver match when there is one; otherwise the path is resolved here.
    A request answered before it was routed (a refused charset, a redirect to add a slash) has no
    match: any segment shaped like a signed token is blanked all the same.
    """
    if match is None:  # False: the request was not routed; resolving it now would cost every cache hit
        try:
            match = resolve(path)
        except Resolver404:
            match = None
    token = match.kwargs.get("token") if match else None
    if isinstance(token, str) and token:
        path = path.replace(token, "[token]")
    return redact(SIGNED_TOKEN.sub("[token]", path))
