"""The routes of NewsletterIndexPage: the archive with the subscribe form,
"check your email", the confirmation link, the preferences (or a form to
get a link to them) and the page after unsubscribing; and the web page of a
newsletter."""

from __future__ import annotations

from django.contrib import messages
from django.shortcuts import redirect
from django.template.loader import render_to_string
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache

from core.i18n import current_language, page_language, page_url
from core.links import LinkError
from core.pages import context_provider, page_view, render_page
from core.protection import RateLimit, protected_form
from home.caching import CHROME, CHROME_CACHE_SECONDS

from .. import services, tasks
from ..forms import PreferencesForm, PreferencesLinkForm, SubscribeForm
from ..models import NewsletterIndexPage, NewsletterPage
from ..selectors import archive_for_language, archive_page, latest_issue, topic_choices

TEMPLATE_DIR = "newsletters"
SUBSCRIBE_LIMIT = RateLimit(
    "nl-subscribe",
    limit=10,
    period=3600,
    message=gettext_lazy(
        "Formuläret har skickats många gånger. Försök igen om en timme."
    ),
)
LINK_LIMIT = RateLimit(
    "nl-link",
    limit=5,
    period=3600,
    message=gettext_lazy("Du har bett om många länkar. Försök igen om en timme."),
)
# The footer's small form sends the address here as ?email=...
EMAIL_PARAM = "email"


def _route(request, page: NewsletterIndexPage, name: str, *args) -> str:
    """A route's address in the reader's language."""
    return page_url(page, request) + page.reverse_subpage(name, args=list(args))


def _render(request, page, template, context=None, status=200):
    return render_page(
        request, page, context, template=f"{TEMPLATE_DIR}/{template}", status=status
    )


@context_provider(NewsletterIndexPage)
def archive_context(request, page: NewsletterIndexPage) -> dict:
    issues = archive_page(page, request.GET.get("page", 1))
    return {
        "issues": issues,
        "page_obj": issues,
        "form": SubscribeForm(),
        "preferences_url": _route(request, page, "preferences"),
    }


@page_view(NewsletterIndexPage, "archive")
@never_cache
def archive(request, page: NewsletterIndexPage):
    initial = {}
    if request.method != "POST":
        email = request.GET.get(EMAIL_PARAM, "")[:254].strip()
        if email:
            initial["email"] = email
    submission = protected_form(
        request, SubscribeForm, limit=SUBSCRIBE_LIMIT, initial=initial
    )
    if submission.is_valid:
        data = submission.form.cleaned_data
        tasks.handle_subscription.enqueue(
            email=data["email"],
            language=data["language"],
            topics=list(data["topics"]),
            name=data["name"],
            privacy_version=page.privacy_version,
            privacy_language=page_language(page),
        )
        return redirect(_route(request, page, "sent"))
    return render_page(
        request,
        page,
        {"form": submission.form, "prefilled": bool(initial)},
        status=submission.status,
    )


@page_view(NewsletterIndexPage, "sent")
@never_cache
def sent(request, page):
    return _render(
        request,
        page,
        "sent.html",
        {
            "valid_hours": services.CONFIRM.valid_hours,
            "preferences_url": _route(request, page, "preferences"),
            "archive_url": page_url(page, request),
        },
    )


def _link_error(request, page, error: LinkError, *, kind: str):
    return _render(
        request,
        page,
        "link_error.html",
        {
            "reason": error.reason,
            "kind": kind,
            "form": PreferencesLinkForm(),
            "action": _route(request, page, "preferences"),
            "archive_url": page_url(page, request),
        },
        status=error.status,
    )


@page_view(NewsletterIndexPage, "confirm")
@never_cache
def confirm(request, page, token):
    try:
        subscriber = services.subscriber_to_confirm(token)
    except LinkError as error:
        return _link_error(request, page, error, kind="confirm")
    if request.method != "POST":
        # Opening the link only shows a button: mail scanners that follow
        # links must not subscribe anyone.
        return _render(request, page, "confirm.html", {"subscriber": subscriber})
    try:
        subscriber = services.confirm_subscription(token)
    except LinkError as error:
        return _link_error(request, page, error, kind="confirm")
    services.SUBSCRIBER_SESSION.start(request, subscriber)
    return _render(
        request,
        page,
        "confirmed.html",
        {
            "subscriber": subscriber,
            "topics": _topic_names(subscriber),
            "preferences_url": _route(request, page, "preferences"),
        },
    )


def _topic_names(subscriber) -> list[str]:
    chosen = set(subscriber.topics.values_list("slug", flat=True))
    return [c.name for c in topic_choices(current_language()) if c.slug in chosen]


@page_view(NewsletterIndexPage, "preferences_link")
@never_cache
def preferences_link(request, page, token):
    """Open the preferences from an emailed link: a session, then the page
    without the token in the address."""
    try:
        subscriber = services.subscriber_for_preferences(token)
    except LinkError as error:
        return _link_error(request, page, error, kind="preferences")
    services.SUBSCRIBER_SESSION.start(request, subscriber)
    return redirect(_route(request, page, "preferences"))


@page_view(NewsletterIndexPage, "preferences")
@never_cache
def preferences(request, page):
    subscriber = services.SUBSCRIBER_SESSION.current(request)
    if subscriber is None:
        return _request_link(request, page)
    action = _route(request, page, "preferences")
    if request.method == "POST" and request.POST.get("action") == "unsubscribe":
        services.unsubscribe(subscriber)
        services.SUBSCRIBER_SESSION.end(request)
        return redirect(_route(request, page, "unsubscribed"))
    status = 200
    if request.method == "POST":
        form = PreferencesForm(request.POST, language=current_language())
        if form.is_valid():
            data = form.cleaned_data
            services.update_preferences(
                subscriber,
                topics=list(data["topics"]),
                language=data["language"],
                name=data["name"],
            )
            messages.success(request, _("Dina inställningar är sparade."))
            return redirect(action)
        status = 400
    else:
        form = PreferencesForm(
            language=current_language(),
            initial={
                "name": subscriber.name,
                "language": subscriber.language,
                "topics": list(subscriber.topics.values_list("slug", flat=True)),
            },
        )
    return _render(
        request,
        page,
        "preferences.html",
        {"subscriber": subscriber, "form": form, "action": action},
        status=status,
    )


def _request_link(request, page):
    """No session: a form to get a link to the preferences by email."""
    submission = protected_form(request, PreferencesLinkForm, limit=LINK_LIMIT)
    if submission.is_valid:
        tasks.handle_preferences_link_request.enqueue(
            email=submission.form.cleaned_data["email"]
        )
        return _render(
            request,
            page,
            "link_sent.html",
            {"archive_url": page_url(page, request)},
        )
    return _render(
        request,
        page,
        "preferences_request.html",
        {"form": submission.form, "action": _route(request, page, "preferences")},
        status=submission.status,
    )


@page_view(NewsletterIndexPage, "unsubscribed")
@never_cache
def unsubscribed(request, page):
    return _render(
        request, page, "unsubscribed.html", {"archive_url": page_url(page, request)}
    )


@context_provider(NewsletterPage)
def newsletter_context(request, page: NewsletterPage) -> dict:
    parent = page.get_parent().specific
    return {
        "archive": parent,
        "archive_url": page_url(parent, request),
    }


def _home_data(request) -> dict:
    archive = archive_for_language(current_language())
    if archive is None:
        return {"archive_url": ""}
    issue = latest_issue(archive)
    return {
        "archive_url": page_url(archive, request),
        "issue_title": issue.title if issue else "",
        "issue_date": issue.first_published_at if issue else None,
        "issue_url": page_url(issue, request) if issue else "",
    }


def home_section(request, context) -> str:
    """The latest newsletter and a way to subscribe, for the home page. The
    site chrome's cache keeps it (bumped by any page change), so the home
    page's query budget stays as it was."""
    data = CHROME.get_or_set(
        ("newsletter-home", current_language()),
        lambda: _home_data(request),
        CHROME_CACHE_SECONDS,
    )
    if not data["archive_url"]:
        return ""
    return render_to_string(
        "newsletters/includes/home_section.html", data, request=request
    )
