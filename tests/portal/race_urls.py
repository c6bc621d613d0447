"""The site's URLs plus public pages that can be held half-way through rendering, or count their renders
(ROOT_URLCONF)."""

import threading
import time

from django.http import HttpResponse, HttpResponseNotFound
from django.urls import path

from diseases.freshness import public_page
from diseases.models import Disease
from portal.urls import handler400, handler403, handler404, handler500, urlpatterns  # noqa: F401

rendered = threading.Event()  # the slow reader has read the page's data
may_finish = threading.Event()  # ... and may now answer (and so store what it read)


@public_page
def slow_page(request):
    names = ", ".join(Disease.objects.published().order_by("name").values_list("name", flat=True))
    if not rendered.is_set():
        rendered.set()
        may_finish.wait(timeout=30)
    return HttpResponse(f"Published: {names}")


urlpatterns = [path("slow/", slow_page), *urlpatterns]


class Counted:
    """A public page that counts its renders and takes ``seconds`` to render: ``Version <n>``, or a 404
    once ``gone``."""

    lock = threading.Lock()
    renders = 0
    seconds = 0.5
    version = 1
    gone = False
    started = threading.Event()  # a render has begun

    @classmethod
    def reset(cls, seconds=0.5):
        cls.renders, cls.seconds, cls.version, cls.gone = 0, seconds, 1, False
        cls.started.clear()


@public_page
def counted_page(request):
    with Counted.lock:
        Counted.renders += 1
    Counted.started.set()
    time.sleep(Counted.seconds)
    if Counted.gone:
        return HttpResponseNotFound("Gone")
    return HttpResponse(f"Version {Counted.version}")


urlpatterns = [path("counted/", counted_page), *urlpatterns]
