"""The site on several machines: two gunicorn nodes sharing one PostgreSQL database and one Redis.

Each node is a real gunicorn with the repo's gunicorn.conf.py and production settings (DEBUG off),
as a load balancer would see them. The database is a PostgreSQL database of this module's own
(created on the server the suite uses, or the local one, and dropped at the end); the cache is the
suite's Redis database (TEST_REDIS_URL) under a key prefix of its own. Where either is missing, as
on a newcomer's machine, the tests are skipped with a line saying which (see tests/services.py).
"""

import html
import os
import re
import secrets
import subprocess
import sys
import threading
from http.cookies import SimpleCookie
from urllib.parse import urlencode, urlsplit, urlunsplit

import pytest

from tests.helpers import TEST_REDIS_URL
from tests.services import need_postgres, need_redis
from tests.serving.test_gunicorn import ROOT, SUITE_VARIABLES, Server

pytestmark = pytest.mark.slow

LOCAL_SERVER = "postgres://portal:portal@127.0.0.1:5432/postgres"
REVIEWER, PASSWORD = "rory", "a long reviewer password"
SEED = f"""
from django.contrib.auth.models import Group, User
from diseases.models import Disease
user = User.objects.create_user({REVIEWER!r}, "rory@example.org", {PASSWORD!r}, is_staff=True)
user.groups.add(Group.objects.get(name="Reviewers"))
Disease.objects.create(name="Nodewide syndrome", slug="nodewide-syndrome", status="review")
"""


def postgres_server():
    configured = os.environ.get("DATABASE_URL", "")
    return configured if configured.startswith(("postgres://", "postgresql://")) else LOCAL_SERVER


def with_database(url, name):
    return urlunsplit(urlsplit(url)._replace(path=f"/{name}"))


def admin_sql(url, statement):
    import psycopg

    with psycopg.connect(with_database(url, "postgres"), autocommit=True) as connection:
        connection.execute(statement)


def manage(env, *args):
    result = subprocess.run(
        [sys.executable, "manage.py", *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=300
    )
    assert result.returncode == 0, result.stderr[-3000:]


@pytest.fixture(scope="module")
def cluster_env(tmp_path_factory):
    """Production's environment (DEBUG off, one SECRET_KEY for every node) on a migrated PostgreSQL
    database of our own and the shared Redis. Static files are named without a collected manifest:
    these tests read pages, never their stylesheets."""
    server = postgres_server()
    need_postgres(with_database(server, "postgres"))
    need_redis(TEST_REDIS_URL)
    scratch = tmp_path_factory.mktemp("nodes")
    (scratch / "nodes_settings.py").write_text(
        "from portal.settings import *  # noqa: F403\n"
        'STORAGES["staticfiles"] = {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}\n'
    )
    name = f"test_nodes_{secrets.token_hex(4)}"
    database_url = with_database(server, name)
    admin_sql(server, f'CREATE DATABASE "{name}"')
    env = {key: value for key, value in os.environ.items() if key not in SUITE_VARIABLES}
    env.update(
        PYTHONPATH=os.pathsep.join([str(scratch), str(ROOT)]),
        DJANGO_SETTINGS_MODULE="nodes_settings",
        PORTAL_ENV_FILE="",
        DEBUG="false",
        SECRET_KEY=secrets.token_urlsafe(50),
        ALLOWED_HOSTS="127.0.0.1",
        SECURE_SSL_REDIRECT="false",
        DATABASE_URL=database_url,
        REDIS_URL=TEST_REDIS_URL,
        CACHE_KEY_PREFIX=f"test-nodes-{secrets.token_hex(4)}",
        SUPPORT_MIN_FILL_SECONDS="0",
        LOG_LEVEL="WARNING",
        GUNICORN_LOG_LEVEL="warning",
    )
    try:
        manage(env, "migrate", "--noinput")
        manage(env, "load_demo")
        manage(env, "shell", "-c", SEED)
        yield env
    finally:
        import redis

        store = redis.Redis.from_url(TEST_REDIS_URL)
        for key in store.scan_iter(f"{env['CACHE_KEY_PREFIX']}:*"):
            store.delete(key)
        admin_sql(server, f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture(scope="module")
def nodes(cluster_env):
    first, second = Server(cluster_env), Server(cluster_env)
    yield first, second
    first.stop()
    second.stop()


class Browser:
    """One visitor's cookies, sent to whichever node the load balancer picks."""

    def __init__(self):
        self.cookies = {}

    def request(self, node, method, path, form=None):
        headers = {"Cookie": "; ".join(f"{k}={v}" for k, v in self.cookies.items())} if self.cookies else {}
        body = None
        if form is not None:
            body = urlencode(form)
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        import http.client

        connection = http.client.HTTPConnection("127.0.0.1", node.port, timeout=30)
        try:
            connection.request(method, path, body=body, headers=headers)
            response = connection.getresponse()
            response.text = response.read().decode()
        finally:
            connection.close()
        for header in response.headers.get_all("Set-Cookie") or []:
            for name, morsel in SimpleCookie(header).items():
                self.cookies[name] = morsel.value
        return response

    def get(self, node, path):
        return self.request(node, "GET", path)

    def post(self, node, path, form):
        return self.request(node, "POST", path, {**form, "csrfmiddlewaretoken": self.cookies["csrftoken"]})


def field(page, name):
    return html.unescape(re.search(rf'name="{name}"[^>]*value="([^"]*)"', page).group(1))


def test_a_page_published_on_one_node_is_served_fresh_by_the_other_at_once(nodes, cluster_env):
    first, second = nodes
    reader = Browser()
    assert second.get("/diseases/nodewide-syndrome/").status == 404
    assert "Nodewide syndrome" not in reader.get(second, "/diseases/?letter=N").text  # now cached
    assert reader.get(second, "/diseases/?letter=N").getheader("ETag")  # ... and served from the cache

    reviewer = Browser()
    login = reviewer.get(first, "/admin/login/")
    assert login.status == 200 and "csrftoken" in reviewer.cookies, (login.status, login.getheaders())
    signed_in = reviewer.post(first, "/admin/login/", {"username": REVIEWER, "password": PASSWORD})
    assert signed_in.status == 302, signed_in.text[:500]
    disease_id = re.search(
        r"/admin/diseases/disease/(\d+)/change/",
        reviewer.get(first, "/admin/diseases/disease/?q=Nodewide").text,
    ).group(1)
    published = reviewer.post(first, f"/admin/diseases/disease/{disease_id}/workflow/publish/", {})
    assert published.status == 302

    page = reader.get(second, "/diseases/nodewide-syndrome/")
    assert page.status == 200 and "Nodewide syndrome" in page.text
    assert "Nodewide syndrome" in reader.get(second, "/diseases/?letter=N").text
    assert "Nodewide syndrome" in reader.get(first, "/diseases/?letter=N").text


def test_a_parent_form_sent_to_both_nodes_is_stored_exactly_once(nodes, cluster_env):
    import psycopg

    first, second = nodes
    parent = Browser()
    form_page = parent.get(first, "/support/connect/?disease=autoimmune-lymphoproliferative-syndrome")
    assert form_page.status == 200 and "csrftoken" in parent.cookies
    form = {
        "form_token": field(form_page.text, "form_token"),
        "disease": "Autoimmune lymphoproliferative syndrome",
        "disease_slug": "autoimmune-lymphoproliferative-syndrome",
        "parent_name": "Nodes Parent",
        "email": "nodes.parent@example.org",
        "relationship": "parent",
        "child_age_band": "1_4",
        "country": "Ireland",
        "region": "Munster",
        "language": "English",
        "share_email": "on",
        "consented_to_share": "on",
        "privacy_acknowledged": "on",
        "website": "",
    }
    # The same form reaches both nodes at once (a double click, or a retry by the load balancer).
    answers = []
    senders = [
        threading.Thread(
            target=lambda node=node: answers.append(parent.post(node, "/support/connect/", form))
        )
        for node in (first, second)
    ]
    for sender in senders:
        sender.start()
    for sender in senders:
        sender.join(timeout=60)
    assert sorted(answer.status for answer in answers) == [302, 302]
    assert parent.post(second, "/support/connect/", form).status == 302  # and once more, later

    with psycopg.connect(cluster_env["DATABASE_URL"]) as connection:
        (stored,) = connection.execute("SELECT count(*) FROM support_connectionrequest").fetchone()
    assert stored == 1  # the only form this database has ever been sent
