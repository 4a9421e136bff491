"""Representatives, registration applications and requests for access in the
admin: personal data the coordinator lists, exports, corrects and erases, and
access requests answered with one button."""

from __future__ import annotations

import django_filters
from django.conf import settings
from django.contrib import messages
from django.db.models import Prefetch
from django.middleware.csrf import get_token
from django.shortcuts import redirect
from django.urls import path, reverse
from django.utils.html import format_html, format_html_join, strip_tags
from django.utils.translation import gettext as _t
from django.utils.translation import gettext_lazy as _
from django.views import View
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column
from wagtail.admin.views import generic
from wagtail.admin.views.generic.models import DeleteView
from wagtail.admin.views.generic.permissions import PermissionCheckedMixin
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.log_actions import log

from ... import services
from ...models import (
    REGISTRATION_FIELDS,
    VOCABULARY_FIELDS,
    AssociationPage,
    RegistrationApplication,
    Representative,
    RepresentativeLink,
    vocabulary_spec,
)

# --- representatives ---------------------------------------------------------


class RepresentativeDeleteView(DeleteView):
    """Deleting a person in the admin is an erasure: their applications and
    invitations go too (foreningar.services.erase_person)."""

    success_message = _(
        "%(object)s är raderad, med personens ansökningar och inbjudningar."
    )

    def delete_action(self):
        log(instance=self.object, action="wagtail.delete", user=self.request.user)
        services.erase_person(self.object)


class AssociationsColumn(Column):
    """The associations a person represents (prefetched by the index view)."""

    def get_value(self, instance):
        return ", ".join(link.association.title for link in instance.links.all()) or _t(
            "–"
        )


class RepresentativeIndexView(generic.IndexView):
    def get_base_queryset(self):
        return (
            super()
            .get_base_queryset()
            .prefetch_related(
                Prefetch(
                    "links",
                    queryset=RepresentativeLink.objects.select_related(
                        "association"
                    ).order_by("association__title"),
                )
            )
        )


class RepresentativeFilterSet(WagtailFilterSet):
    """Language as a choice of sv/fi/en. No filter by association: a select of
    thousands of associations; search and the association column do that."""

    language = django_filters.ChoiceFilter(
        label=_("Språk för e-post"), choices=settings.LANGUAGES
    )

    class Meta:
        model = Representative
        fields = ["language"]


class RepresentativeViewSet(ModelViewSet):
    model = Representative
    index_view_class = RepresentativeIndexView
    delete_view_class = RepresentativeDeleteView
    icon = "user"
    menu_label = _("Representanter")
    menu_order = 210
    add_to_admin_menu = True
    list_display = [
        "name",
        "email",
        AssociationsColumn("associations", label=_("Föreningar")),
        "phone",
        Column("language", label=_("Språk"), accessor="get_language_display"),
        "last_login_at",
    ]
    filterset_class = RepresentativeFilterSet
    search_fields = ["name", "email", "phone"]
    list_export = ["name", "email", "phone", "language", "created_at", "last_login_at"]
    export_filename = "representanter"
    ordering = ["name"]
    inspect_view_enabled = True


# --- applications ------------------------------------------------------------


def _data_display(application: RegistrationApplication):
    """The association data the applicant typed, as labelled lines."""
    data = application.data or {}
    rows = []
    for name in REGISTRATION_FIELDS:
        value = data.get(name)
        if value in (None, "", []):
            continue
        field = AssociationPage._meta.get_field(name)
        if name in VOCABULARY_FIELDS:
            model = vocabulary_spec(name).model
            ids = [pk for pk in value if isinstance(pk, int)]
            value = ", ".join(
                model.objects.filter(pk__in=ids).values_list("name", flat=True)
            )
        elif field.choices:
            value = dict(field.flatchoices).get(value, value)
        rows.append((str(field.verbose_name).capitalize(), strip_tags(str(value))))
    if not rows:
        return "–"
    return format_html(
        "<dl>{}</dl>", format_html_join("", "<dt>{}</dt><dd>{}</dd>", rows)
    )


class ApplicationInspectView(generic.InspectView):
    """Readable fields: the typed data as labelled lines; the consent hash
    stays in the export, not on screen."""

    def get_data_display_value(self):
        return _data_display(self.object)

    def get_association_display_value(self):
        association = self.object.association
        if association is None:
            return "–"
        return format_html(
            '<a href="{}">{}</a>',
            reverse("wagtailadmin_pages:edit", args=[association.pk]),
            association.title,
        )


class RegistrationApplicationViewSet(ModelViewSet):
    model = RegistrationApplication
    inspect_view_class = ApplicationInspectView
    icon = "form"
    menu_label = _("Registreringsansökningar")
    menu_order = 211
    add_to_admin_menu = True
    list_display = ["__str__", "kind", "status", "applicant_name", "created_at"]
    list_filter = ["kind", "status"]
    search_fields = ["applicant_name", "applicant_email"]
    list_export = [
        "kind",
        "status",
        "applicant_name",
        "applicant_email",
        "applicant_phone",
        "applicant_role",
        "consent_version",
        "consent_language",
        "consent_text_hash",
        "consented_at",
        "created_at",
        "confirmed_at",
    ]
    export_filename = "registreringsansokningar"
    inspect_view_enabled = True
    inspect_view_fields = [
        "kind",
        "status",
        "association",
        "applicant_name",
        "applicant_email",
        "applicant_phone",
        "applicant_role",
        "language",
        "data",
        "consent_version",
        "consent_language",
        "consented_at",
        "created_at",
        "confirmed_at",
    ]
    form_fields = ["status"]


# --- requests for access -----------------------------------------------------


class AccessDecisionView(PermissionCheckedMixin, View):
    """One click: approve (link and email) or refuse (email) a request."""

    permission_required = "change"
    http_method_names = ["post"]
    decision = ""
    index_url_name = None

    def post(self, request, pk):
        try:
            if self.decision == "approve":
                representative = services.approve_access_request(pk, request.user)
                messages.success(
                    request,
                    _t(
                        "%(name)s är nu kontaktperson och har fått ett "
                        "e-postmeddelande med en inloggningslänk."
                    )
                    % {"name": representative.name},
                )
            else:
                application = services.refuse_access_request(pk, request.user)
                messages.success(
                    request,
                    _t(
                        "Begäran är avslagen och %(name)s har fått ett besked per e-post."
                    )
                    % {"name": application.applicant_name},
                )
        except services.SelfServiceError:
            messages.error(request, _t("Begäran är redan besvarad."))
        return redirect(self.index_url_name)


def _pending(application: RegistrationApplication) -> bool:
    return (
        application.status == RegistrationApplication.Status.ACCESS_REQUESTED
        and application.association_id is not None
    )


class AccessDecisionColumn(Column):
    cell_template_name = "foreningar/admin/access_decision_cell.html"

    def __init__(self, name, *, url_namespace, **kwargs):
        self.url_namespace = url_namespace
        super().__init__(name, **kwargs)

    def get_cell_context_data(self, instance, parent_context):
        context = super().get_cell_context_data(instance, parent_context)
        request = parent_context.get("request")
        context.update(
            pending=_pending(instance),
            approve_url=reverse(f"{self.url_namespace}:approve", args=[instance.pk]),
            refuse_url=reverse(f"{self.url_namespace}:refuse", args=[instance.pk]),
            csrf_token=get_token(request) if request else "",
        )
        return context


class AccessIndexView(generic.IndexView):
    def get_base_queryset(self):
        return (
            super()
            .get_base_queryset()
            .filter(kind=RegistrationApplication.Kind.ACCESS)
            .exclude(status=RegistrationApplication.Status.UNCONFIRMED)
            .select_related("association")
        )


class AccessInspectView(ApplicationInspectView):
    template_name = "foreningar/admin/access_inspect.html"
    url_namespace = ""

    def get_object(self, queryset=None):
        obj = super().get_object(queryset)
        if obj.kind != RegistrationApplication.Kind.ACCESS:
            from django.http import Http404

            raise Http404
        return obj

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            pending=_pending(self.object),
            approve_url=reverse(f"{self.url_namespace}:approve", args=[self.object.pk]),
            refuse_url=reverse(f"{self.url_namespace}:refuse", args=[self.object.pk]),
        )
        return context


class AccessStatusFilterSet(WagtailFilterSet):
    status = django_filters.ChoiceFilter(
        label=_("Status"),
        choices=[
            (RegistrationApplication.Status.ACCESS_REQUESTED, _("Obesvarad")),
            (RegistrationApplication.Status.APPROVED, _("Godkänd")),
            (RegistrationApplication.Status.REFUSED, _("Avslagen")),
        ],
    )

    class Meta:
        model = RegistrationApplication
        fields = ["status"]


class AccessRequestViewSet(ModelViewSet):
    """Someone asks to represent an association already in the register."""

    model = RegistrationApplication
    index_view_class = AccessIndexView
    inspect_view_class = AccessInspectView
    icon = "key"
    menu_label = _("Åtkomstbegäranden")
    menu_order = 212
    add_to_admin_menu = True
    filterset_class = AccessStatusFilterSet
    search_fields = ["applicant_name", "applicant_email"]
    ordering = ["-created_at"]
    inspect_view_enabled = True
    inspect_view_fields = [
        "status",
        "association",
        "applicant_name",
        "applicant_email",
        "applicant_phone",
        "applicant_role",
        "language",
        "data",
        "created_at",
        "confirmed_at",
    ]
    form_fields = ["status"]
    export_filename = "atkomstbegaranden"

    @property
    def list_display(self):
        return [
            "applicant_name",
            "applicant_email",
            "applicant_role",
            Column("association", label=_("Förening"), accessor="association"),
            "status",
            "created_at",
            AccessDecisionColumn(
                "decision", label=_("Beslut"), url_namespace=self.url_namespace
            ),
        ]

    @property
    def inspect_view(self):
        return self.construct_view(
            self.inspect_view_class,
            **self.get_inspect_view_kwargs(),
            url_namespace=self.url_namespace,
        )

    def get_urlpatterns(self):
        decision = {
            name: self.construct_view(
                AccessDecisionView,
                decision=name,
                index_url_name=self.get_url_name("index"),
            )
            for name in ("approve", "refuse")
        }
        return [
            *super().get_urlpatterns(),
            path("<int:pk>/godkann/", decision["approve"], name="approve"),
            path("<int:pk>/avsla/", decision["refuse"], name="refuse"),
        ]
