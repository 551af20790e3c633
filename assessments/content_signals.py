"""Quiz content changes bump the site's content version (see core/content_version.py).

Only what students are shown counts as content: assessments and their items. Attempts and
responses are students' own data and change all the time; they do not bump it.
"""

from django.db.models.signals import post_delete, post_save

from assessments.models import Assessment, Item
from core.content_version import content_changed

for _model in (Assessment, Item):
    post_save.connect(content_changed, sender=_model, dispatch_uid=f"content-save-{_model}")
    post_delete.connect(content_changed, sender=_model, dispatch_uid=f"content-del-{_model}")
