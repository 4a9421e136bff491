"""Public URLs that Wagtail's page routing cannot serve (page paths allow no
dot): the calendar's iCal feed and a training's .ics file. Included inside
``i18n_patterns`` before Wagtail's catch-all."""

from django.urls import re_path

from .views import calendar

app_name = "trainings"

urlpatterns = [
    # /kalender/kalender.ics?omrade=norrby, /utbildningar/<slug>/kalender.ics
    re_path(
        r"^(?P<path>(?:[\w\-]+/)+)kalender\.ics$", calendar.ical_feed, name="ical_feed"
    ),
]
