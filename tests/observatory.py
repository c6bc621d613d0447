"""The Mozilla HTTP Observatory's published scoring rules, applied to responses from Django's test client.

Written from the Observatory's public "Tests & Scoring" methodology: every site starts at 100;
penalties are taken off first, and bonuses are added only if the result is still 90 or more; the
grade follows the chart (100+ is A+). Each test below gives one named result and its modifier.
What needs the outside world (the browsers' HSTS preload list, a certificate chain) is out of reach
here and never earns its bonus. One deliberate difference: the table lists "corp-not-implemented"
at +5, above a site that sets the header, which contradicts its own description (the browser then
defaults to cross-origin); here it counts 0.
"""

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from urllib.parse import urlsplit

GRADES = [
    (100, "A+"),
    (90, "A"),
    (85, "A-"),
    (80, "B+"),
    (70, "B"),
    (65, "B-"),
    (60, "C+"),
    (50, "C"),
    (45, "C-"),
    (40, "D+"),
    (30, "D"),
    (25, "D-"),
    (0, "F"),
]
SIX_MONTHS = 15768000
PRIVATE_REFERRER_POLICIES = {"no-referrer", "same-origin", "strict-origin", "strict-origin-when-cross-origin"}
UNSAFE_REFERRER_POLICIES = {"origin", "origin-when-cross-origin", "unsafe-url"}
KNOWN_REFERRER_POLICIES = (
    PRIVATE_REFERRER_POLICIES | UNSAFE_REFERRER_POLICIES | {"no-referrer-when-downgrade"}
)
BROAD_SOURCES = {"*", "http:", "https:", "data:", "'unsafe-inline'"}


@dataclass
class Result:
    test: str
    outcome: str
    modifier: int


@dataclass
class Report:
    results: list[Result] = field(default_factory=list)

    @property
    def score(self) -> int:
        penalties = sum(r.modifier for r in self.results if r.modifier < 0)
        bonuses = sum(r.modifier for r in self.results if r.modifier > 0)
        score = max(0, 100 + penalties)
        return score + bonuses if score >= 90 else score

    @property
    def grade(self) -> str:
        return next(grade for floor, grade in GRADES if self.score >= floor)

    def outcome(self, test) -> str:
        return next(r.outcome for r in self.results if r.test == test)


def parse_csp(header: str) -> dict[str, list[str]]:
    policy = {}
    for part in header.split(";"):
        words = part.strip().split()
        if words:
            policy.setdefault(words[0].lower(), [w.lower() for w in words[1:]])
    return policy


def content_security_policy(response) -> Result:
    header = response.headers.get("Content-Security-Policy")
    if not header:
        return Result("csp", "csp-not-implemented", -25)
    policy = parse_csp(header)
    default = policy.get("default-src")
    script = policy.get("script-src", default)
    objects = policy.get("object-src", default)
    style = policy.get("style-src", default)
    if script is None or objects is None:
        return Result("csp", "csp-implemented-with-unsafe-inline", -20)
    if BROAD_SOURCES & set(script) or {"*", "http:", "https:", "data:"} & set(objects):
        return Result("csp", "csp-implemented-with-unsafe-inline", -20)
    every_source = [source for sources in policy.values() for source in sources]
    if any(source == "http:" or source.startswith("http://") for source in every_source):
        return Result("csp", "csp-implemented-with-insecure-scheme", -20)
    if "'unsafe-eval'" in script:
        return Result("csp", "csp-implemented-with-unsafe-eval", -10)
    if style is not None and {"'unsafe-inline'", "data:", "https:", "*"} & set(style):
        return Result("csp", "csp-implemented-with-unsafe-inline-in-style-src-only", 0)
    if default == ["'none'"]:
        return Result("csp", "csp-implemented-with-no-unsafe-default-src-none", 10)
    return Result("csp", "csp-implemented-with-no-unsafe", 5)


def cookies(response, hsts: bool) -> Result:
    jar = list(response.cookies.values())
    if not jar:
        return Result("cookies", "cookies-not-found", 0)
    for cookie in jar:
        name = cookie.key.lower()
        is_session = "sess" in name or "login" in name
        samesite = (cookie["samesite"] or "").lower()
        if is_session and not cookie["secure"]:
            return Result("cookies", "cookies-session-without-secure-flag", -40)
        if is_session and not cookie["httponly"]:
            return Result("cookies", "cookies-session-without-httponly-flag", -30)
        if "csrf" in name and not samesite:
            return Result("cookies", "cookies-anticsrf-without-samesite-flag", -20)
        if samesite and samesite not in {"strict", "lax"}:
            return Result("cookies", "cookies-samesite-flag-invalid", -20)
        if not cookie["secure"]:
            if hsts:
                return Result("cookies", "cookies-without-secure-flag-but-protected-by-hsts", -5)
            return Result("cookies", "cookies-without-secure-flag", -20)
    if all((cookie["samesite"] or "").lower() in {"strict", "lax"} for cookie in jar):
        return Result("cookies", "cookies-secure-with-httponly-sessions-and-samesite", 5)
    return Result("cookies", "cookies-secure-with-httponly-sessions", 0)


def cross_origin_resource_sharing(response_to_foreign_origin, foreign_origin) -> Result:
    allowed = response_to_foreign_origin.headers.get("Access-Control-Allow-Origin")
    credentials = response_to_foreign_origin.headers.get("Access-Control-Allow-Credentials", "").lower()
    if allowed == foreign_origin and credentials == "true":
        return Result("cors", "cross-origin-resource-sharing-implemented-with-universal-access", -50)
    if allowed == "*":
        return Result("cors", "cross-origin-resource-sharing-implemented-with-public-access", 0)
    if allowed:
        return Result("cors", "cross-origin-resource-sharing-implemented-with-restricted-access", 0)
    return Result("cors", "cross-origin-resource-sharing-not-implemented", 0)


def redirection(plain_http_response, host) -> Result:
    if plain_http_response.status_code not in (301, 302, 303, 307, 308):
        return Result("redirection", "redirection-missing", -20)
    target = urlsplit(plain_http_response.headers["Location"])
    if target.scheme != "https":
        return Result("redirection", "redirection-not-to-https-on-initial-redirection", -10)
    if target.hostname != host:
        return Result("redirection", "redirection-off-host-from-http", -5)
    return Result("redirection", "redirection-to-https", 0)


def referrer_policy(response) -> Result:
    header = response.headers.get("Referrer-Policy")
    if not header:
        return Result("referrer-policy", "referrer-policy-not-implemented", 0)
    values = [value.strip().lower() for value in header.split(",")]
    if not set(values) <= KNOWN_REFERRER_POLICIES:
        return Result("referrer-policy", "referrer-policy-header-invalid", -5)
    if values[-1] in PRIVATE_REFERRER_POLICIES:  # browsers use the last value they understand
        return Result("referrer-policy", "referrer-policy-private", 5)
    return Result("referrer-policy", "referrer-policy-unsafe", -5)


def strict_transport_security(response) -> Result:
    header = response.headers.get("Strict-Transport-Security")
    if not header:
        return Result("hsts", "hsts-not-implemented", -20)
    match = re.search(r"max-age\s*=\s*\"?(\d+)\"?", header, re.IGNORECASE)
    if not match:
        return Result("hsts", "hsts-header-invalid", -20)
    if int(match.group(1)) < SIX_MONTHS:
        return Result("hsts", "hsts-implemented-max-age-less-than-six-months", -10)
    return Result("hsts", "hsts-implemented-max-age-at-least-six-months", 0)


class _Scripts(HTMLParser):
    def __init__(self):
        super().__init__()
        self.scripts = []

    def handle_starttag(self, tag, attrs):
        if tag == "script":
            self.scripts.append(dict(attrs))


def subresource_integrity(response, host) -> Result:
    if not response.headers.get("Content-Type", "").startswith("text/html"):
        return Result("sri", "sri-not-implemented-response-not-html", 0)
    parser = _Scripts()
    parser.feed(response.content.decode())
    sources = [script for script in parser.scripts if script.get("src")]
    if not sources:
        return Result("sri", "sri-not-implemented-but-no-scripts-loaded", 0)
    external = [s for s in sources if urlsplit(s["src"]).hostname not in (None, host)]
    if not external:
        if all(s.get("integrity") for s in sources):
            return Result("sri", "sri-implemented-and-all-scripts-loaded-securely", 5)
        return Result("sri", "sri-not-implemented-but-all-scripts-loaded-from-secure-origin", 0)
    insecure = [s for s in external if urlsplit(s["src"]).scheme != "https"]
    with_integrity = all(s.get("integrity") for s in external)
    if insecure:
        if with_integrity:
            return Result("sri", "sri-implemented-but-external-scripts-not-loaded-securely", -20)
        return Result("sri", "sri-not-implemented-and-external-scripts-not-loaded-securely", -50)
    if with_integrity:
        return Result("sri", "sri-implemented-and-external-scripts-loaded-securely", 5)
    return Result("sri", "sri-not-implemented-but-external-scripts-loaded-securely", -5)


def content_type_options(response) -> Result:
    header = response.headers.get("X-Content-Type-Options")
    if header is None:
        return Result("x-content-type-options", "x-content-type-options-not-implemented", -5)
    if header.strip().lower() != "nosniff":
        return Result("x-content-type-options", "x-content-type-options-header-invalid", -5)
    return Result("x-content-type-options", "x-content-type-options-nosniff", 0)


def frame_options(response) -> Result:
    ancestors = parse_csp(response.headers.get("Content-Security-Policy", "")).get("frame-ancestors")
    if ancestors and "*" not in ancestors:
        return Result("x-frame-options", "x-frame-options-implemented-via-csp", 5)
    header = response.headers.get("X-Frame-Options")
    if header is None:
        return Result("x-frame-options", "x-frame-options-not-implemented", -20)
    value = header.strip().lower()
    if value in {"deny", "sameorigin"}:
        return Result("x-frame-options", "x-frame-options-sameorigin-or-deny", 0)
    if value.startswith("allow-from "):
        return Result("x-frame-options", "x-frame-options-allow-from-origin", 0)
    return Result("x-frame-options", "x-frame-options-header-invalid", -20)


def cross_origin_resource_policy(response) -> Result:
    header = response.headers.get("Cross-Origin-Resource-Policy")
    if header is None:
        return Result("corp", "corp-not-implemented", 0)
    value = header.strip().lower()
    if value == "same-origin":
        return Result("corp", "corp-implemented-with-same-origin", 0)
    if value == "same-site":
        return Result("corp", "corp-implemented-with-same-site", 0)
    if value == "cross-origin":
        return Result("corp", "corp-implemented-with-cross-origin", -20)
    return Result("corp", "corp-header-invalid", -20)


def scan(client, path, host="testserver") -> Report:
    """Score ``path`` as the Observatory would: over HTTPS, plus its plain-HTTP redirect and a CORS probe."""
    foreign = "https://observatory.example"
    page = client.get(path, secure=True)
    probe = client.get(path, secure=True, headers={"Origin": foreign})
    plain = client.get(path, secure=False)
    hsts = strict_transport_security(page)
    return Report(
        [
            content_security_policy(page),
            cookies(page, hsts=hsts.modifier == 0),
            cross_origin_resource_sharing(probe, foreign),
            redirection(plain, host),
            referrer_policy(page),
            hsts,
            subresource_integrity(page, host),
            content_type_options(page),
            frame_options(page),
            cross_origin_resource_policy(page),
        ]
    )
