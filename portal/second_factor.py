"""The admin's second factor: an authenticator app (TOTP) and one-time recovery codes, with django-otp.

Who must use it: with ``ADMIN_SECOND_FACTOR_REQUIRED`` on (the default whenever DEBUG is off),
superusers and members of ``ADMIN_SECOND_FACTOR_GROUPS`` (Coordinators: they see families' details).
Other staff may turn it on for themselves; once they have, it is asked of them too.

How: the password step is Django's admin login (django-axes counts failures). Until the second step
is done, ``SecondFactorMiddleware`` sends a signed-in user who owes it from any admin page to
enrolment (QR code, then a first code, then recovery codes shown once) or to verification, and
every other page sees them as anonymous, so nothing staff-only (draft previews) opens on a password
alone. django-otp keeps the verified device in the session and slows down repeated wrong codes.
An administrator who loses their phone uses a recovery code; if those are gone too, another
administrator deletes their TOTP device in the admin and they enrol again at their next sign-in.
"""

from base64 import b32encode
from urllib.parse import urlencode

from django import forms
from django.conf import settings
from django.contrib import admin, messages
from django.contrib.auth.models import AnonymousUser
from django.db import transaction
from django.http import HttpResponse, HttpResponseRedirect
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django_otp import DEVICE_ID_SESSION_KEY, user_has_device, verify_token
from django_otp import login as otp_login
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice
from django_otp.qr import write_qrcode_image

ADMIN_PREFIX = "/admin/"
APP_DEVICE_NAME = "Authenticator app"
RECOVERY_DEVICE_NAME = "Recovery codes"


def is_required_for(user) -> bool:
    if not settings.ADMIN_SECOND_FACTOR_REQUIRED or not user.is_staff:
        return False
    return user.is_superuser or user.groups.filter(name__in=settings.ADMIN_SECOND_FACTOR_GROUPS).exists()


def owes_second_factor(user) -> bool:
    """Signed in with a password, but not yet with the second factor this account needs."""
    if not (settings.ADMIN_SECOND_FACTOR_REQUIRED and user.is_authenticated and user.is_staff):
        return False
    if user.is_verified():
        return False
    return user_has_device(user) or is_required_for(user)


def _exempt_paths():
    return {
        reverse("admin:login"),
        reverse("admin:logout"),
        reverse("admin:jsi18n"),
        reverse("second_factor:verify"),
        reverse("second_factor:setup"),
        reverse("second_factor:qr"),
    }


class SecondFactorMiddleware:
    """Admin pages wait for the second factor; elsewhere a user who owes it counts as anonymous."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        # Without a session cookie nobody is signed in: leave the session untouched (no Vary: Cookie).
        signed_in_maybe = settings.SESSION_COOKIE_NAME in request.COOKIES
        if settings.ADMIN_SECOND_FACTOR_REQUIRED and signed_in_maybe and owes_second_factor(request.user):
            path = request.path
            if path.startswith(ADMIN_PREFIX):
                if path not in _exempt_paths():
                    step = "second_factor:verify" if user_has_device(request.user) else "second_factor:setup"
                    return redirect(_with_next(step, _safe_next(request, request.get_full_path())))
            else:
                request.user = AnonymousUser()
        return self.get_response(request)


def _with_next(url_name, next_url) -> str:
    return f"{reverse(url_name)}?{urlencode({'next': next_url})}"


def _safe_next(request, candidate=None) -> str:
    candidate = candidate if candidate is not None else request.POST.get("next") or request.GET.get("next")
    allowed = url_has_allowed_host_and_scheme(
        candidate, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    )
    return candidate if candidate and allowed and candidate.startswith("/") else reverse("admin:index")


class CodeForm(forms.Form):
    code = forms.CharField(
        label="Code",
        max_length=16,
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "autofocus": True, "spellcheck": "false"}
        ),
    )

    def clean_code(self):
        return "".join(self.cleaned_data["code"].split()).lower()


def _app_device(user, *, confirmed=True):
    return TOTPDevice.objects.devices_for_user(user, confirmed=confirmed).order_by("-pk").first()


def _issue_recovery_codes(user) -> list[str]:
    """A fresh set of recovery codes, replacing any earlier ones; shown to the user once."""
    device, _ = StaticDevice.objects.get_or_create(
        user=user, name=RECOVERY_DEVICE_NAME, defaults={"confirmed": True}
    )
    device.token_set.all().delete()
    codes = [StaticToken.random_token() for _ in range(settings.ADMIN_SECOND_FACTOR_RECOVERY_CODES)]
    StaticToken.objects.bulk_create([StaticToken(device=device, token=code) for code in codes])
    return codes


def _context(request, title, **extra):
    return {**admin.site.each_context(request), "title": title, "next": _safe_next(request), **extra}


def _render_recovery_codes(request, codes):
    return render(
        request, "admin/second_factor/recovery_codes.html", _context(request, "Recovery codes", codes=codes)
    )


def _verify(request):
    user = request.user
    if user.is_verified():
        return HttpResponseRedirect(_safe_next(request))
    if not user_has_device(user):
        return redirect(_with_next("second_factor:setup", _safe_next(request)))
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        code = form.cleaned_data["code"]
        # Six digits are the app's; anything else can only be a recovery code. Trying one device only
        # keeps a mistyped code from counting against (and slowing down) the other.
        is_app_code = code.isdigit() and len(code) == 6
        device = _app_device(user) if is_app_code else StaticDevice.objects.filter(user=user).first()
        allowed, why = device.verify_is_allowed() if device else (True, {})
        if not allowed:
            form.add_error("code", "Too many wrong codes in a row. Wait a minute, then try again.")
        elif device and verify_token(user, device.persistent_id, code):
            otp_login(request, device)
            if not is_app_code:
                left = device.token_set.count()
                messages.warning(
                    request,
                    f"You used a recovery code; {left} left. Make new ones on the two-step sign-in page.",
                )
            return HttpResponseRedirect(_safe_next(request))
        else:
            form.add_error(
                "code", "That code is not right. Type the 6 digits your app shows now, or a recovery code."
            )
    return render(
        request, "admin/second_factor/verify.html", _context(request, "Two-step sign-in", form=form)
    )


def _setup(request):
    """Enrol (or replace) the authenticator app: scan the QR code, type one code, keep the recovery codes."""
    user = request.user
    if user_has_device(user) and not user.is_verified():
        # Replacing a device takes the current one first; otherwise a stolen password would be enough.
        return redirect(_with_next("second_factor:verify", _safe_next(request)))
    pending = _app_device(user, confirmed=False) or TOTPDevice.objects.create(
        user=user, name=APP_DEVICE_NAME, confirmed=False
    )
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if not pending.verify_is_allowed()[0]:
            form.add_error("code", "Too many wrong codes in a row. Wait a minute, then try again.")
        elif pending.verify_token(form.cleaned_data["code"]):
            with transaction.atomic():
                TOTPDevice.objects.filter(user=user).exclude(pk=pending.pk).delete()
                pending.confirmed = True
                pending.save(update_fields=["confirmed"])
                codes = _issue_recovery_codes(user)
            otp_login(request, pending)
            return _render_recovery_codes(request, codes)
        else:
            form.add_error(
                "code", "That code is not right. Check the time on your phone and type the code it shows now."
            )
    secret = b32encode(pending.bin_key).decode()
    context = _context(
        request,
        "Set up two-step sign-in",
        form=form,
        secret=" ".join(secret[i : i + 4] for i in range(0, len(secret), 4)),
        required=is_required_for(user),
    )
    return render(request, "admin/second_factor/setup.html", context)


def _qr(request):
    """The QR code of the user's pending (unconfirmed) app device, as SVG; 404 once there is none."""
    pending = _app_device(request.user, confirmed=False)
    if pending is None:
        return HttpResponse(status=404)
    response = HttpResponse(content_type="image/svg+xml")
    write_qrcode_image(pending.config_url, response)
    return response


def _overview(request):
    user = request.user
    if request.method == "POST" and user.is_verified():
        action = request.POST.get("action")
        if action == "recovery-codes":
            return _render_recovery_codes(request, _issue_recovery_codes(user))
        if action == "turn-off" and not is_required_for(user):
            TOTPDevice.objects.filter(user=user).delete()
            StaticDevice.objects.filter(user=user).delete()
            request.session.pop(DEVICE_ID_SESSION_KEY, None)
            messages.success(request, "Two-step sign-in is off for your account.")
            return redirect("second_factor:overview")
    recovery = StaticDevice.objects.filter(user=user).first()
    context = _context(
        request,
        "Two-step sign-in",
        app_device=_app_device(user),
        recovery_left=recovery.token_set.count() if recovery else 0,
        required=is_required_for(user),
        enforced=settings.ADMIN_SECOND_FACTOR_REQUIRED,
    )
    return render(request, "admin/second_factor/overview.html", context)


# Every view needs an active staff member signed in; admin_view also adds CSRF protection and
# never_cache (no-store), so no code, secret or QR image is kept by a browser or a proxy.
verify = admin.site.admin_view(_verify)
setup = admin.site.admin_view(_setup)
qr = admin.site.admin_view(_qr)
overview = admin.site.admin_view(_overview)
