"""/min-forening/evenemang/: the representatives' own events."""

from django.urls import path

from .views import selfservice as views

app_name = "trainings_selfservice"

urlpatterns = [
    path("", views.event_list, name="events"),
    path("nytt/", views.event_add, name="event_add"),
    path("<int:event_id>/", views.event_edit, name="event_edit"),
    path("<int:event_id>/ta-bort/", views.event_delete, name="event_delete"),
]
