from django.db.models.signals import m2m_changed, post_delete, post_save

from clusters import models as m
from core.content_version import content_changed

# Every catalogue model: a change to any of them changes what public pages show.
CONTENT_MODELS = [
    m.DataRelease, m.Framework, m.Cluster, m.Pathway, m.PathwayOccupation, m.JobZone,
    m.Occupation, m.Task, m.OtherTitle, m.RelatedOccupation, m.Attribute, m.EducationShare,
    m.Programme, m.LocalProgramme,
]  # fmt: skip
# Many-to-many links without a model of their own (they send m2m_changed, not post_save).
CONTENT_LINKS = [
    m.Pathway.programmes.through,
    m.Occupation.programmes.through,
    m.LocalProgramme.pathways.through,
    m.LocalProgramme.occupations.through,
]


for _model in CONTENT_MODELS:
    post_save.connect(content_changed, sender=_model, dispatch_uid=f"content-save-{_model}")
    post_delete.connect(content_changed, sender=_model, dispatch_uid=f"content-del-{_model}")
for _through in CONTENT_LINKS:
    m2m_changed.connect(content_changed, sender=_through, dispatch_uid=f"content-m2m-{_through}")
