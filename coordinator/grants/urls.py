"""Public URLs of grant calls that Wagtail's page routing cannot serve
(Wagtail page paths allow no dot, so ``.ics`` needs its own pattern).
Included inside ``i18n_patterns`` before Wagtail's catch-all."""

from django.urls import re_path

from .views import feeds

app_name = "grants"

urlpatterns = [
    # <grants section or call>/sista-ansokningsdag.ics
    re_path(
        r"^(?P<path>(?:[\w\-]+/)+)sista-ansokningsdag\.ics$",
        feeds.deadlines_ics,
        name="deadlines_ics",
    ),
]
