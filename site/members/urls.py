"""The members' space, under /membres/ in every language (i18n_patterns)."""

from django.urls import path

from . import views

app_name = "musenor_members"

urlpatterns = [
    path("", views.DashboardView.as_view(), name="dashboard"),
    path("connexion/", views.SignInView.as_view(), name="signin"),
    path("deconnexion/", views.SignOutView.as_view(), name="signout"),
    path("mot-de-passe/", views.PasswordResetView.as_view(), name="password_reset"),
    path("mot-de-passe/envoye/", views.PasswordResetDoneView.as_view(), name="password_reset_done"),
    path(
        "mot-de-passe/<uidb64>/<token>/",
        views.PasswordResetConfirmView.as_view(),
        name="password_reset_confirm",
    ),
    path("profil/", views.ProfileView.as_view(), name="profile"),
    path("profil/mot-de-passe/", views.PasswordChangeView.as_view(), name="password_change"),
    path("profil/adresse/", views.EmailChangeView.as_view(), name="email_change"),
    path("adresse/<str:token>/", views.EmailConfirmView.as_view(), name="email_confirm"),
    path("annuaire/", views.DirectoryView.as_view(), name="directory"),
    path("invitation/<str:token>/", views.AcceptInvitationView.as_view(), name="accept_invitation"),
    path("adhesion/", views.ApplyView.as_view(), name="apply"),
    path("adhesion/envoyee/", views.ApplyDoneView.as_view(), name="apply_done"),
]
