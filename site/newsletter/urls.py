from django.urls import path

from . import views

app_name = "musenor_newsletter"

urlpatterns = [
    path("", views.subscribe, name="subscribe"),
    path("confirmer/<str:token>/", views.confirm, name="confirm"),
    path("desinscription/<str:token>/", views.unsubscribe, name="unsubscribe"),
]
