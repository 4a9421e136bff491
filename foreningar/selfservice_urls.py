"""/min-forening/: the representative's area."""

from django.urls import path

from .views import invitations
from .views import selfservice as views

app_name = "foreningar_selfservice"

urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    path("logga-in/", views.login, name="login"),
    path("logga-in/<str:token>/", views.login_token, name="login_token"),
    path("logga-ut/", views.logout, name="logout"),
    path("<int:association_id>/", views.association, name="association"),
    path("<int:association_id>/redigera/", views.edit, name="edit"),
    path("<int:association_id>/bekrafta/", views.confirm_data, name="confirm_data"),
    path("<int:association_id>/synlighet/", views.set_listing, name="set_listing"),
    path("<int:association_id>/bjud-in/", invitations.invite, name="invite"),
    path(
        "<int:association_id>/inbjudningar/<int:invitation_id>/aterkalla/",
        invitations.withdraw,
        name="withdraw_invitation",
    ),
    path("inbjudan/<str:token>/", invitations.accept, name="accept_invitation"),
    path(
        "<int:association_id>/representanter/<int:link_id>/ta-bort/",
        views.remove,
        name="remove",
    ),
    path("<int:association_id>/lamna/", views.leave, name="leave"),
]
