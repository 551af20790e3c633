"""The counselors' interface to the catalogue.

Imported records (occupations, tasks, titles, job zones, programs of study, ...) come from
the data importer, which overwrites them on every run: their fields are read-only here, for
everyone, and show which data release they come from. What we write is editable: framework,
cluster and pathway descriptions, the default framework, and local programs ("At our
school") with their links to pathways and occupations. Every list runs a fixed number of
queries whatever the number of rows (counts are subqueries, related rows are joined).
"""

from django.contrib import admin

from clusters.admin import accounts, catalogue, local_programmes  # noqa: F401 (they register)

admin.site.site_header = "Career Clusters admin"
admin.site.site_title = "Career Clusters admin"
admin.site.index_title = "Manage content and see quiz results"
