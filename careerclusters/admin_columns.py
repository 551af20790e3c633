"""Small pieces shared by the catalogue and quiz admins."""

from django.contrib import admin
from django.core.exceptions import ValidationError


def annotated_column(attribute: str, description: str):
    """A list_display column showing (and sorting by) a value the queryset annotates."""

    @admin.display(description=description, ordering=attribute)
    def column(model_admin, obj):
        return getattr(obj, attribute)

    return column


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
