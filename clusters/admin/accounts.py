"""Permissions, users, groups and locked-out sign-ins."""

from __future__ import annotations

from axes import admin as axes_admin
from axes.models import AccessAttempt
from django.contrib import admin
from django.contrib.auth import admin as auth_admin
from django.contrib.auth.models import Group, Permission, User

from core.admin_helpers import (
    SafeListAdmin,
    ViewOnly,
)


@admin.register(Permission)
class PermissionAdmin(ViewOnly, SafeListAdmin, admin.ModelAdmin):
    list_display = ["name", "codename", "content_type"]
    list_select_related = ["content_type"]
    list_filter = [("content_type__app_label", admin.AllValuesFieldListFilter)]
    search_fields = ["name", "codename"]


# Django's own user and group lists and django-axes' locked-out logins (a superuser deletes
# a row to unlock early), with the same bound on searches as every other list.
admin.site.unregister(User)
admin.site.unregister(Group)


@admin.register(AccessAttempt)
class AccessAttemptAdmin(SafeListAdmin, axes_admin.AccessAttemptAdmin):
    pass


@admin.register(User)
class UserAdmin(SafeListAdmin, auth_admin.UserAdmin):
    pass


@admin.register(Group)
class GroupAdmin(SafeListAdmin, auth_admin.GroupAdmin):
    pass
