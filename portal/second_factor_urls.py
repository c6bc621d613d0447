"""Under /admin/second-factor/: the staff member's own two-step sign-in (portal/second_factor.py)."""

from django.urls import path

from . import second_factor

app_name = "second_factor"

urlpatterns = [
    path("", second_factor.overview, name="overview"),
    path("verify/", second_factor.verify, name="verify"),
    path("setup/", second_factor.setup, name="setup"),
    path("setup/qr.svg", second_factor.qr, name="qr"),
]
