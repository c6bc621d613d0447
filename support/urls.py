from django.urls import path

from . import views

app_name = "support"

urlpatterns = [
    path("connect/", views.connect, name="connect"),
    path("connect/thanks/", views.thanks, name="thanks"),
    path("privacy/", views.privacy, name="privacy"),
    path("verify/<str:token>/", views.verify, name="verify"),
    path("verified/", views.verified, name="verified"),
    path("match/<str:token>/", views.match_response, name="match_response"),
    path("match-answered/<str:answer>/", views.match_answered, name="match_answered"),
    path("withdraw/<str:token>/", views.withdraw, name="withdraw"),
    path("withdrawn/", views.withdrawn, name="withdrawn"),
]
