"""Where browsers report Content-Security-Policy violations: logged, rate-limited and size-limited.

A report names the page and what was blocked. Only the path of each address is logged (a query can
hold what a reader typed), with any signed link token in it blanked, as in the request log.
"""

import json
import logging
from urllib.parse import urlsplit

from django.conf import settings
from django.http import HttpResponse, JsonResponse
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from toolbox.ratelimit import allow
from toolbox.redaction import loggable_path

logger = logging.getLogger("portal.csp")

KEYWORDS = {"inline", "eval", "data", "blob", "self", "wasm-eval", "trusted-types-policy"}


def _address_part(value) -> str:
    """An address reduced to scheme, host and path; a keyword ("inline", "eval") as it is."""
    if not isinstance(value, str) or not value:
        return ""
    if value in KEYWORDS:
        return value
    parts = urlsplit(value)
    if not parts.scheme:
        return value[:40]
    return f"{parts.scheme}://{parts.netloc}{loggable_path(parts.path)}"[:200]


def _violations(payload):
    """The violation bodies in either format: report-uri's {"csp-report": {...}} or the Reporting API's list."""
    if isinstance(payload, dict) and isinstance(payload.get("csp-report"), dict):
        report = payload["csp-report"]
        yield {
            "directive": report.get("effective-directive") or report.get("violated-directive"),
            "blocked": report.get("blocked-uri"),
            "document": report.get("document-uri"),
            "source": report.get("source-file"),
            "line": report.get("line-number"),
        }
    elif isinstance(payload, list):
        for item in payload[:10]:
            body = item.get("body") if isinstance(item, dict) else None
            if isinstance(body, dict):
                yield {
                    "directive": body.get("effectiveDirective"),
                    "blocked": body.get("blockedURL"),
                    "document": body.get("documentURL"),
                    "source": body.get("sourceFile"),
                    "line": body.get("lineNumber"),
                }


@csrf_exempt
@require_POST
def csp_report(request):
    if not allow(request, scope="csp-report", rate=settings.CSP_REPORT_RATE):
        return JsonResponse({"detail": "Too many reports."}, status=429)
    limit = settings.CSP_REPORT_MAX_BYTES
    try:
        declared = int(request.META.get("CONTENT_LENGTH") or 0)
    except ValueError:
        declared = 0
    if declared > limit:
        return JsonResponse({"detail": f"A report may be at most {limit} bytes."}, status=413)
    body = request.read(limit + 1)
    if len(body) > limit:
        return JsonResponse({"detail": f"A report may be at most {limit} bytes."}, status=413)
    try:
        payload = json.loads(body)
    except ValueError:
        return JsonResponse({"detail": "A report is a JSON document."}, status=400)
    violations = list(_violations(payload))
    if not violations:
        return JsonResponse({"detail": "This is not a CSP violation report."}, status=400)
    for violation in violations:
        fields = {
            "directive": str(violation["directive"])[:40],
            "blocked": _address_part(violation["blocked"]),
            "document": _address_part(violation["document"]),
            "source": _address_part(violation["source"]),
            "line": violation["line"] if isinstance(violation["line"], int) else None,
        }
        logger.warning(
            "CSP violation: %s blocked %s on %s",
            fields["directive"],
            fields["blocked"],
            fields["document"],
            extra=fields,
        )
    return HttpResponse(status=204)
