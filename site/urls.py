from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path
from django.views.i18n import set_language
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls

from musenor.plugins.manager import call
from musenor.plugins.urls import plugin_neutral_urlpatterns, plugin_urlpatterns
from musenor.search import views as search_views
from musenor.site.sitemaps import sitemap_index, sitemap_section
from musenor.site.views import favicon, robots_txt, site_map

urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    path("django-admin/", admin.site.urls),
    # Wagtail's document URLs, served with the headers of musenor.site.uploads.
    path("documents/", include("musenor.site.uploads.urls")),
    path("sitemap.xml", sitemap_index, name="sitemap"),
    path("sitemap-<str:section>.xml", sitemap_section, name="sitemap_section"),
    path("robots.txt", robots_txt, name="robots_txt"),
    # Clients that ask for /favicon.ico whatever the page says.
    path("favicon.ico", favicon, name="favicon"),
    path("i18n/setlang/", set_language, name="set_language"),
    # Plugins' URLs that exist once for every language (an OAI-PMH base URL, IIIF
    # ids, a feed), under their url_prefix.
    *plugin_neutral_urlpatterns(),
]

if settings.DEBUG:
    from django.conf.urls.static import static
    from django.contrib.staticfiles.urls import staticfiles_urlpatterns

    from musenor.site.uploads.serving import serve_media

    urlpatterns += staticfiles_urlpatterns()
    urlpatterns += static(settings.MEDIA_URL, serve_media, document_root=settings.MEDIA_ROOT)

# French at the root, English under /en/, Dutch under /nl/. Plugins' public
# URLs (their url_prefix, then the register_public_urls hook) come before
# Wagtail's catch-all so that pages never shadow them.
urlpatterns += i18n_patterns(
    path("recherche/", search_views.search, name="search"),
    path("plan-du-site/", site_map, name="site_map"),
    *plugin_urlpatterns(),
    # Members' notification preferences and the unsubscribe links of mails.
    path("notifications/", include("musenor.plugins.notification_urls")),
    # The members' space: signing in, the dashboard, profiles, applications.
    path("membres/", include("musenor.site.members.urls")),
    # The newsletter: subscription, confirmation, one-click unsubscribe.
    path("lettre/", include("musenor.site.newsletter.urls")),
    *call("register_public_urls"),
    path("", include(wagtail_urls)),
    prefix_default_language=False,
)

handler404 = "musenor.site.views.page_not_found"
handler500 = "musenor.site.views.server_error"
