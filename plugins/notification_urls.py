"""The members' notification preferences and the unsubscribe links of mails."""

from django.urls import path

from . import views

app_name = "musenor_plugins"

urlpatterns = [
    path("", views.notification_preferences, name="notification_preferences"),
    path("desabonnement/<str:token>/", views.unsubscribe, name="unsubscribe"),
]
