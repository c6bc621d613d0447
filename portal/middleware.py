from django.http import HttpResponseBadRequest, JsonResponse
from django.template.loader import render_to_string

MESSAGE = "The request contained a NUL character, which is not allowed in addresses or form fields."


def _has_null(values):
    return any("\x00" in value for value in values)


class RejectNullCharactersMiddleware:
    """Answer 400 to any request whose address or form fields hold a NUL character.

    PostgreSQL cannot store or compare text containing NUL, so such input would
    otherwise reach a query and fail with a server error; no real reader types it.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        suspicious = "\x00" in request.path or any(_has_null(values) for _, values in request.GET.lists())
        if (
            not suspicious
            and request.method == "POST"
            and request.content_type
            in {
                "application/x-www-form-urlencoded",
                "multipart/form-data",
            }
        ):
            suspicious = any(_has_null(values) for _, values in request.POST.lists())
        if suspicious:
            if request.path.startswith("/api/"):
                return JsonResponse({"detail": MESSAGE}, status=400)
            return HttpResponseBadRequest(render_to_string("400.html", request=request))
        return self.get_response(request)
