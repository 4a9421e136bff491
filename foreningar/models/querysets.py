"""The associations' queryset: what the public may see (live, listed, not
behind a view restriction), with the restricted paths cached until a
restriction or the tree changes."""

from django.conf import settings
from django.db.models import Q
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from wagtail.models import PageManager, PageViewRestriction
from wagtail.query import PageQuerySet
from wagtail.signals import post_page_move

from ..caching import REGISTER, RESTRICTIONS


def restricted_paths() -> list[str]:
    """Tree paths of pages with a view restriction (password, login, group);
    cached until a restriction changes. Usually empty."""
    return RESTRICTIONS.get_or_set(
        ("restricted-paths",),
        lambda: list(PageViewRestriction.objects.values_list("page__path", flat=True)),
        timeout=3600,
    )


@receiver([post_save, post_delete], sender=PageViewRestriction)
@receiver(post_page_move)
def _restrictions_or_tree_changed(**kwargs):
    RESTRICTIONS.bump(**kwargs)
    REGISTER.bump(**kwargs)


class AssociationPageQuerySet(PageQuerySet):
    def listed(self) -> "AssociationPageQuerySet":
        """What the public may see: live, listed publicly and not behind a
        view restriction (restricted paths come from the cache)."""
        queryset = self.live().filter(listed_publicly=True)
        restricted = Q()
        for path in restricted_paths():
            restricted |= Q(path__startswith=path)
        return queryset.exclude(restricted) if restricted else queryset

    def unlisted_ids(self) -> "AssociationPageQuerySet":
        return self.filter(listed_publicly=False).values("pk")

    def in_default_locale(self) -> "AssociationPageQuerySet":
        return self.filter(locale__language_code=settings.LANGUAGE_CODE)


class AssociationPageManager(PageManager.from_queryset(AssociationPageQuerySet)):
    pass
