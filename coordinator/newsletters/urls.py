from django.urls import path

from .views.unsubscribe import one_click

app_name = "newsletters"

urlpatterns = [
    path("nyhetsbrev/avsluta/<str:token>/", one_click, name="unsubscribe"),
]
