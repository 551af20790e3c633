"""Changes counselors make to the catalogue that need more than saving one row."""

from django.db import transaction

from clusters.models import Framework


@transaction.atomic
def save_framework(*, framework: Framework) -> Framework:
    """Save a framework; if it is marked as the default, the previous default stops being one.

    Locks every framework row first (PostgreSQL), so two counselors choosing different
    defaults at once are applied one after the other instead of breaking the one-default
    constraint.
    """
    list(Framework.objects.select_for_update().order_by("pk").values_list("pk", flat=True))
    if framework.is_default:
        others = Framework.objects.filter(is_default=True).exclude(pk=framework.pk)
        for other in others:
            other.is_default = False
            other.save(update_fields=["is_default"])
    framework.save()
    return framework


def make_default_framework(*, framework: Framework) -> Framework:
    framework.is_default = True
    return save_framework(framework=framework)
