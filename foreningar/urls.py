"""Public URLs of the register that Wagtail's page routing cannot serve
(Wagtail page paths allow no dot, so ``export.csv`` needs its own pattern).
Included inside ``i18n_patterns`` before Wagtail's catch-all."""

from django.urls import re_path

from .views import export

app_name = "foreningar"

urlpatterns = [
    # <path of the register page>export.csv, e.g. /foreningar/export.csv
    re_path(
        r"^(?P<path>(?:[\w\-]+/)+)export\.csv$", export.export_csv, name="export_csv"
    ),
]
