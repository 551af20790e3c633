"""Small pieces shared by the catalogue and quiz admins."""

from django.contrib import admin, messages
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.db.models.constants import LOOKUP_SEP
from django.utils.text import smart_split


def annotated_column(attribute: str, description: str):
    """A list_display column showing (and sorting by) a value the queryset annotates."""

    @admin.display(description=description, ordering=attribute)
    def column(model_admin, obj):
        return getattr(obj, attribute)

    return column


@admin.display(description="description written", boolean=True)
def has_description(obj) -> bool:
    """A list_display column: has a counselor written this row's description yet?"""
    return bool(obj.description)


class TwoWayFilter(admin.SimpleListFilter):
    """A list filter with two choices: the rows where `condition` holds, or the others.
    `options` gives (parameter value, label) for each, the matching rows first."""

    options: tuple[tuple[str, str], tuple[str, str]]

    def condition(self, queryset) -> Q:
        raise NotImplementedError

    def lookups(self, request, model_admin):
        return list(self.options)

    def queryset(self, request, queryset):
        (matching, _), (others, _) = self.options
        if self.value() == matching:
            return queryset.filter(self.condition(queryset))
        if self.value() == others:
            return queryset.filter(~self.condition(queryset))
        return queryset


class ConstraintLeftToSave:
    """ModelForm mixin: database constraints on `constraint_left_to_save` are not form errors,
    because saving the form settles them (e.g. two swapped numbers, a new default replacing
    the old one)."""

    constraint_left_to_save = ""

    def validate_constraints(self):
        exclude = self._get_validation_exclusions() | {self.constraint_left_to_save}
        try:
            self.instance.validate_constraints(exclude=exclude)
        except ValidationError as error:
            self._update_errors(error)


class PrivateFieldsAdmin:
    """ModelAdmin mixin: no list filter, lookup, search or ordering in the address may reach
    `private_fields`, on this model or through a relation. (Django allows any lookup on a
    model's own fields, so `?token__startswith=a` would let a counselor recover a student's
    private link one letter at a time.)"""

    private_fields: frozenset[str] = frozenset()

    def _reaches_private(self, lookup: str) -> bool:
        return any(part in self.private_fields for part in lookup.lstrip("^=@-").split(LOOKUP_SEP))

    def lookup_allowed(self, lookup, value, request):
        if self._reaches_private(lookup):
            return False
        return super().lookup_allowed(lookup, value, request)

    def get_search_fields(self, request):
        return [f for f in super().get_search_fields(request) if not self._reaches_private(f)]

    def get_ordering(self, request):
        return [f for f in super().get_ordering(request) if not self._reaches_private(f)]


MAX_SEARCH_WORDS = 20


def search_too_long(search_term: str) -> str | None:
    """Why the admin will not run this search, or None. Each word is one more condition in
    the query, and SQLite refuses a query with more than about a thousand."""
    words = sum(1 for _ in smart_split(search_term or ""))
    if words > MAX_SEARCH_WORDS:
        return (
            f"Search with at most {MAX_SEARCH_WORDS} words at a time; this search had {words}. "
            "Nothing was searched."
        )
    return None


class BoundedSearchAdmin:
    """ModelAdmin mixin: a search of more than MAX_SEARCH_WORDS words lists nothing and says
    why (the CSV export refuses it with the same words)."""

    def get_search_results(self, request, queryset, search_term):
        if problem := search_too_long(search_term):
            messages.error(request, problem)
            return queryset.none(), False
        return super().get_search_results(request, queryset, search_term)


class ViewOnly:
    """ModelAdmin or inline mixin: rows are shown here, never added, changed or deleted."""

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
