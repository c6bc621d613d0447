"""A logging filter that keeps e-mail addresses out of application logs.

Our own code never logs personal data; this catches what a library might (an SMTP error quoting
the recipient, a validation message). It must not import models: logging is set up before apps load.
"""

import logging
import re
import traceback

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
