"""Public pages of the parent connection service. They never show a family's personal details."""

import logging

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import slug_re
from django.http import Http404
from django.shortcuts import redirect, render
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters, sensitive_variables
from django.views.decorators.http import require_http_methods

from diseases.models import Disease
from toolbox import ratelimit

from . import services, tokens
from .forms import ConnectionRequestForm
from .models import ConnectionMatch, ConnectionRequest
from .tokens import FormToken, InvalidLink

logger = logging.getLogger(__name__)

PERSONAL_POST_FIELDS = ["parent_name", "email", "phone", "country", "region", "language", "message"]


def _render_form(request, form, *, status=200, problem="", disease=None):
    if form.is_bound and not problem:
        form.mark_errors()
    return render(
        request,
        "support/connect.html",
        {
            "form": form,
            "problem": problem,
            "disease": disease,
            "min_fill_seconds": settings.SUPPORT_MIN_FILL_SECONDS,
        },
        status=status,
    )


def _with_new_token(post):
    data = post.copy()
    data["form_token"] = FormToken.new().dumps()
    return data


@never_cache
@require_http_methods(["GET", "POST"])
@sensitive_post_parameters(*PERSONAL_POST_FIELDS)
@sensitive_variables()
def connect(request):
    if request.method == "POST":
        return _submit(request)
    initial = {"form_token": FormToken.new().dumps()}
    slug = request.GET.get("disease", "").strip()[:255]
    # Anything that is not slug-shaped cannot name a disease, so it never reaches a query.
    disease = (
        Disease.objects.published().only("name", "slug").filter(slug=slug).first()
        if slug_re.match(slug)
        else None
    )
    if disease:
        initial.update(disease=disease.name, disease_slug=disease.slug)
    problem = ""
    if slug and disease is None:
        problem = "We could not find that disease in our list. Please type its name in the form below."
    return _render_form(request, ConnectionRequestForm(initial=initial), problem=problem, disease=disease)


def _submit(request):
    if not ratelimit.allow(request, scope="connect", rate=settings.SUPPORT_RATE_LIMIT):
        logger.warning("Connection form rate limit reached")
        problem = (
            "We have received many forms from your connection in a short time, so we cannot take this one "
            "right now. What you typed is still below: please try again in an hour."
        )
        return _render_form(request, ConnectionRequestForm(request.POST), status=429, problem=problem)

    try:
        form_token = FormToken.loads(request.POST.get("form_token", ""))
    except InvalidLink as exc:
        problem = (
            "This form was open for a long time, so for your safety we need you to send it again. "
            "What you typed is still below."
            if exc.expired
            else "Something went wrong with this form. Please check what you typed below and send it again."
        )
        return _render_form(
            request, ConnectionRequestForm(_with_new_token(request.POST)), status=400, problem=problem
        )

    form = ConnectionRequestForm(request.POST)
    if form.is_bot:
        # Look like success, so the bot learns nothing; nothing is stored and no mail is sent.
        logger.info("Connection form honeypot filled in; submission dropped")
        return redirect("support:thanks")
    if ConnectionRequest.objects.filter(form_token=form_token.id).exists():
        return redirect("support:thanks")  # a refresh or second click: the first one was stored
    if form_token.age() < settings.SUPPORT_MIN_FILL_SECONDS:
        logger.info("Connection form sent faster than the minimum fill time")
        problem = "That was very quick! Please check your answers below, then send the form again."
        return _render_form(request, form, status=400, problem=problem)
    if not form.is_valid():
        return _render_form(request, form)
    try:
        services.submit_connection_request(form_token=form_token.id, **form.service_arguments())
    except services.DuplicateSubmission:
        return redirect("support:thanks")
    except ValidationError as exc:
        for field, messages in exc.message_dict.items():
            form.add_error(field if field in form.fields else None, messages)
        return _render_form(request, form)
    return redirect("support:thanks")


def thanks(request):
    return render(request, "support/thanks.html", {"expiry_days": settings.SUPPORT_UNVERIFIED_EXPIRY_DAYS})


def privacy(request):
    return render(
        request,
        "support/privacy.html",
        {
            "version": services.PRIVACY_NOTICE_VERSION,
            "expiry_days": settings.SUPPORT_UNVERIFIED_EXPIRY_DAYS,
            "retention_months": settings.SUPPORT_RETENTION_MONTHS,
            "match_days": settings.SUPPORT_MATCH_RESPONSE_DAYS,
        },
    )


def _link_problem(request, exc):
    return render(
        request, "support/link_problem.html", {"expired": exc.expired}, status=410 if exc.expired else 400
    )


def _check(purpose, token):
    return tokens.read_link_token(purpose, token, max_age_seconds=tokens.link_max_age(purpose))


# Links in e-mails only show a page with a button: mail scanners that open links must not confirm,
# answer or withdraw anything on a family's behalf.


@never_cache
@require_http_methods(["GET", "POST"])
@sensitive_variables("token")
def verify(request, token):
    try:
        if request.method == "POST":
            services.verify_email(token=token)
            return redirect("support:verified")
        _check(tokens.VERIFY_EMAIL, token)
    except InvalidLink as exc:
        return _link_problem(request, exc)
    return render(request, "support/verify.html")


def verified(request):
    return render(request, "support/verified.html")


@never_cache
@require_http_methods(["GET", "POST"])
@sensitive_variables("token")
def match_response(request, token):
    try:
        if request.method == "POST":
            answer = request.POST.get("answer")
            if answer not in {"accept", "decline"}:
                return render(request, "support/match_response.html", {"missing_answer": True}, status=400)
            services.respond_to_match(token=token, accept=answer == "accept")
            return redirect("support:match_answered", answer=answer)
        match_id, _, _ = _check(tokens.MATCH_RESPONSE, token).partition(":")
        match = (
            ConnectionMatch.objects.select_related("first__disease")
            .only("first__disease__name")
            .get(pk=int(match_id))
        )
    except InvalidLink as exc:
        return _link_problem(request, exc)
    except services.SupportError as exc:
        return render(request, "support/match_response.html", {"refused": str(exc)}, status=409)
    except (ConnectionMatch.DoesNotExist, ValueError):
        return _link_problem(request, InvalidLink())
    return render(request, "support/match_response.html", {"disease_name": match.first.disease.name})


def match_answered(request, answer):
    if answer not in {"accept", "decline"}:
        raise Http404
    return render(request, "support/match_answered.html", {"accepted": answer == "accept"})


@never_cache
@require_http_methods(["GET", "POST"])
@sensitive_variables("token")
def withdraw(request, token):
    try:
        if request.method == "POST":
            services.withdraw(token=token)
            return redirect("support:withdrawn")
        _check(tokens.WITHDRAW, token)
    except InvalidLink as exc:
        return _link_problem(request, exc)
    return render(request, "support/withdraw.html")


def withdrawn(request):
    return render(request, "support/withdrawn.html")
