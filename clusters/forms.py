"""Forms for the explore pages' query strings: they render the filter controls and check them.

Junk-input policy for GET pages (see the README): a filter, sort or page value we cannot use
falls back to that control's default and the page says which controls it reset; the page is
never an error for it. Numbers are ASCII digits only (an Arabic-Indic or a fullwidth
three is not 3).
"""

import re

from django import forms
from django.core.exceptions import ValidationError
from django.urls import reverse_lazy
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from clusters.search.words import MAX_QUERY_LENGTH
from clusters.selectors import DEFAULT_SORT, SORTS, ListFilters
from clusters.wording import EDUCATION_LEVELS, ZONE_CHOICES

ASCII_NUMBER = re.compile(r"[0-9]{1,9}")


class FilterForm(forms.Form):
    """A GET form whose unusable values fall back to each field's default.

    `ignored` lists the labels of the controls that were reset, for the page's notice; the
    controls then show their defaults, not the junk. Every field must accept a missing value.
    """

    use_required_attribute = False

    def __init__(self, data, **kwargs):
        kwargs.setdefault("label_suffix", "")
        super().__init__(data, **kwargs)
        self.ignored: list[str] = []

    def full_clean(self):
        super().full_clean()
        junk = [name for name in self._errors if name in self.fields]
        if not junk:
            return
        self.ignored = [str(self.fields[name].label) for name in junk]
        self.data = self.data.copy()
        for name in junk:
            self.data.pop(name, None)
        super().full_clean()

    @property
    def values(self) -> dict:
        """The cleaned values (the form is always valid once checked)."""
        self.is_valid()
        return self.cleaned_data


class PageNumberField(forms.IntegerField):
    """A page of a list: ASCII digits only; the list clamps it to its first and last page."""

    def __init__(self, **kwargs):
        super().__init__(
            required=False, label=gettext_lazy("Page"), widget=forms.HiddenInput, **kwargs
        )

    def to_python(self, value):
        if value in self.empty_values:
            return None
        if not ASCII_NUMBER.fullmatch(str(value)):
            raise ValidationError(self.error_messages["invalid"], code="invalid")
        return int(value)


class JobZoneField(forms.TypedChoiceField):
    def __init__(self, **kwargs):
        super().__init__(
            label=gettext_lazy("Preparation needed"),
            choices=[("", gettext_lazy("Any")), *ZONE_CHOICES],
            coerce=int,
            empty_value=None,
            required=False,
            **kwargs,
        )


class SortField(forms.ChoiceField):
    """The default sort is the empty option, so addresses stay short; `sort=title` works too."""

    def valid_value(self, value) -> bool:
        return value == DEFAULT_SORT or super().valid_value(value)

    def clean(self, value):
        return super().clean(value) or DEFAULT_SORT


class OccupationListForm(FilterForm):
    """Filters, sort and page of a cluster's or pathway's list of careers."""

    zone = JobZoneField(widget=forms.Select(attrs={"id": "f-zone"}))
    education = forms.ChoiceField(
        label=gettext_lazy("Education to start"),
        choices=[
            ("", gettext_lazy("Any")),
            *((slug, label) for slug, (_bls, label) in EDUCATION_LEVELS.items()),
        ],
        required=False,
        widget=forms.Select(attrs={"id": "f-education"}),
    )
    sort = SortField(
        label=gettext_lazy("Sort by"),
        choices=[
            ("" if key == DEFAULT_SORT else key, label) for key, (label, _order) in SORTS.items()
        ],
        required=False,
        widget=forms.Select(attrs={"id": "f-sort"}),
    )
    page = PageNumberField()

    def filters(self) -> ListFilters:
        values = self.values
        return ListFilters(
            job_zone=values["zone"], education=values["education"] or None, sort=values["sort"]
        )


class FlagInput(forms.CheckboxInput):
    """A checkbox sending "1" that gives its field the raw value, so junk can be told apart."""

    def __init__(self, attrs=None):
        super().__init__(attrs, check_test=lambda value: value in (True, "1"))

    def format_value(self, value):
        return "1"

    def value_from_datadict(self, data, files, name):
        return data.get(name)


class FlagField(forms.Field):
    """On when "1" is sent, off when nothing is; anything else is junk."""

    widget = FlagInput

    def __init__(self, **kwargs):
        super().__init__(required=False, **kwargs)

    def to_python(self, value) -> bool:
        if value in (None, ""):
            return False
        if value == "1":
            return True
        raise ValidationError(_("Send 1 or nothing."), code="invalid")


SEARCH_URL = reverse_lazy("clusters:search")


class SearchForm(FilterForm):
    """The search box, its filters and the page of results. `clusters` fills the cluster menu
    (grouped by framework, in the order given)."""

    q = forms.CharField(
        label=gettext_lazy("Job title, or what you like to do"),
        required=False,
        widget=forms.SearchInput(
            attrs={
                "id": "q",
                "maxlength": MAX_QUERY_LENGTH,
                "autocomplete": "off",
                "spellcheck": "false",
                "hx-get": SEARCH_URL,
                "hx-trigger": "input changed delay:300ms, search",
                "hx-target": "#search-results",
                "hx-include": "closest form",
                "hx-replace-url": "true",
                "hx-sync": "closest form:replace",
                "aria-describedby": "q-hint",
            }
        ),
    )
    cluster = forms.ChoiceField(
        label=gettext_lazy("Career Cluster"),
        required=False,
        widget=forms.Select(attrs={"id": "s-cluster"}),
    )
    zone = JobZoneField(widget=forms.Select(attrs={"id": "s-zone"}))
    bright = FlagField(
        label=gettext_lazy("Growing demand only"), widget=FlagInput(attrs={"id": "s-bright"})
    )
    page = PageNumberField()

    def __init__(self, data, *, clusters, **kwargs):
        super().__init__(data, **kwargs)
        groups: dict[str, list[tuple[str, str]]] = {}
        for cluster in clusters:
            groups.setdefault(cluster.framework.name, []).append((cluster.slug, cluster.name))
        self.fields["cluster"].choices = [("", _("All clusters")), *groups.items()]

    def clean_q(self) -> str:
        """Longer searches are cut, as the box's maxlength does in a browser."""
        return self.cleaned_data["q"][:MAX_QUERY_LENGTH]
