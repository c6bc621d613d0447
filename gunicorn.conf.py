"""gunicorn's settings for the portal; gunicorn reads this file from the project folder by itself.

Every number can be changed from the environment (`make serve` and production use this file):

  GUNICORN_BIND             127.0.0.1:8000  where to listen; keep it on loopback behind the proxy
  WEB_CONCURRENCY           2     worker processes (about one per core)
  GUNICORN_THREADS          8     threads per worker: one slow client holds one thread, not a process
  GUNICORN_CLIENT_TIMEOUT   15    seconds a request body (or a response) may stall before it is cut
  GUNICORN_TIMEOUT          30    seconds a worker may stay silent before it is restarted
  GUNICORN_GRACEFUL_TIMEOUT 30    seconds to finish requests on restart or stop
  GUNICORN_KEEPALIVE        5     seconds an idle kept-alive connection stays open
  GUNICORN_MAX_REQUESTS     20000 requests a worker serves before it is replaced (with 10% jitter)

The threaded worker keeps serving while a few clients trickle their uploads, and the client timeout
frees a thread whose client stopped sending. Many slow clients at once still need what no
application server does well: a buffering reverse proxy in front (see the README).
"""

import os

from gunicorn.http import wsgi


def _number(name, default, kind=int):
    return kind(os.environ.get(name, default))


wsgi_app = "portal.wsgi:application"
bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")
workers = _number("WEB_CONCURRENCY", 2)
worker_class = "gthread"
threads = _number("GUNICORN_THREADS", 8)
timeout = _number("GUNICORN_TIMEOUT", 30)
graceful_timeout = _number("GUNICORN_GRACEFUL_TIMEOUT", 30)
keepalive = _number("GUNICORN_KEEPALIVE", 5)
client_timeout = _number("GUNICORN_CLIENT_TIMEOUT", 15, float)
# Restart workers now and then, staggered, so a slow leak can never build up. Each restart is a fork
# of the warmed-up master (preload_app, when_ready below), so it costs milliseconds, not the second
# or two of a fresh import; still, at thousands of requests a second a short count meant a restart
# every few seconds per worker.
max_requests = _number("GUNICORN_MAX_REQUESTS", 20000)
max_requests_jitter = max_requests // 10
# Django is imported, and its URLs, views and templates loaded, once in the master; workers start as
# copies of it. No database or cache connection is ever opened there (when_ready closes any).
preload_app = True
# Django alone decides what to believe of X-Forwarded-* (TRUSTED_PROXIES); gunicorn believes none.
forwarded_allow_ips = ""
# The site writes its own line per request (portal.middleware.RequestLogMiddleware).
accesslog = None
errorlog = "-"
loglevel = os.environ.get("GUNICORN_LOG_LEVEL", "info")


def when_ready(server):
    """Load, in the master, what every worker would otherwise load on its first requests."""
    from django.db import connections
    from django.template.loader import get_template
    from django.urls import reverse

    from diseases.freshness import code_release

    reverse("home")  # imports every URL module: the views, the admin, the API and its serializers
    for template in ("portal/home.html", "diseases/detail.html", "diseases/index.html", "base.html"):
        get_template(template)
    code_release()
    connections.close_all()  # a connection must never be shared by the forked workers


def pre_request(worker, req):
    """Bound every read of this request's body (and write of its answer) on the client's socket.

    gthread otherwise waits for a stalled upload for as long as the client keeps the connection
    open, holding a thread all that time. A read that stalls past the timeout ends the request:
    Django sees an unreadable body and answers it (the CSRF check then refuses the form).
    """
    req.unreader.sock.settimeout(client_timeout)


# gunicorn names itself in a Server header on every answer and has no setting to stop it; the
# product and its version tell an attacker where to start and nobody else anything.
_default_headers = wsgi.Response.default_headers


def _default_headers_without_server(self):
    return [header for header in _default_headers(self) if not header.lower().startswith("server:")]


wsgi.Response.default_headers = _default_headers_without_server
