"""The site's URLs plus a public page that can be held half-way through rendering (ROOT_URLCONF)."""

import threading

from django.http import HttpResponse
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
