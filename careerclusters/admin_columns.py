"""Small pieces shared by the catalogue and quiz admins."""

from django.contrib import admin
from django.db.models import Count, IntegerField, OuterRef, Subquery
from django.db.models.functions import Coalesce


def count_of(model, field: str, **filters) -> Coalesce:
    """A correlated COUNT subquery: one query for the whole list, no row multiplication."""
    counted = (
        model.objects.filter(**{field: OuterRef("pk")}, **filters)
        .order_by()
        .values(field)
        .annotate(n=Count("pk"))
        .values("n")
    )
    return Coalesce(Subquery(counted, output_field=IntegerField()), 0)


def annotated_column(attribute: str, description: str):
    """A list_display column showing (and sorting by) a value the queryset annotates."""

    @admin.display(description=description, ordering=attribute)
    def column(model_admin, obj):
        return getattr(obj, attribute)

    return column
