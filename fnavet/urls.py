from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from core import views as core_views
from home import views as home_views

from .api import api_router

handler404 = "home.views.page_not_found"
handler500 = "home.views.server_error"

urlpatterns = [
    path("healthz", home_views.healthz, name="healthz"),
    path("favicon.ico", home_views.favicon, name="favicon"),
    path("theme.css", home_views.theme_css, name="theme_css"),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("api/v2/", api_router.urls),
    path("sitemap.xml", sitemap, name="sitemap"),
    path("i18n/setlang/", core_views.set_language, name="set_language"),
]

if settings.DEBUG:
    from django.conf.urls.static import static
    from django.contrib.staticfiles.urls import staticfiles_urlpatterns

    from core.images.media import serve_media

    urlpatterns += staticfiles_urlpatterns()
    # Media as production's web server must serve it (README): no sniffing,
    # nothing but images and PDFs shown inline.
    urlpatterns += static(
        settings.MEDIA_URL, serve_media, document_root=settings.MEDIA_ROOT
    )

urlpatterns += i18n_patterns(
    path("sok/", home_views.search, name="search"),
    path("min-forening/evenemang/", include("coordinator.trainings.selfservice_urls")),
    path("min-forening/", include("foreningar.selfservice_urls")),
    path("", include("foreningar.urls")),
    path("", include("coordinator.grants.urls")),
    path("", include("coordinator.trainings.urls")),
    # The one-click unsubscribe (RFC 8058) takes POSTs without a CSRF token,
    # so it cannot be a page route.
    path("", include("coordinator.newsletters.urls")),
    path("", include(wagtail_urls)),
    prefix_default_language=False,
)
