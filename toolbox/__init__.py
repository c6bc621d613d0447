"""Small tools every part of the site shares, which know nothing of its apps.

- ``clients``: which address a request comes from, as far as the trusted proxies vouch for it;
- ``ratelimit``: the one per-client rate limit (the parent form, CSP reports and the API), counted in the
  shared cache, with one way of writing a rate ("10/h", "120/min", "100/5m");
- ``redaction``: keeping e-mail addresses and signed link tokens out of logs;
- ``addresses``: a path at the site's public address (``SITE_URL``), for links that leave the site.

Nothing here imports ``diseases``, ``support`` or ``portal`` (import-linter checks it).
"""
