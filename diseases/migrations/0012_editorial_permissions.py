from django.contrib.auth.management import create_permissions
from django.db import migrations

# Imported definitions can be hidden or reworded by editors; revisions and schedules are
# read through the admin and written only by the services, so both roles may view them.
EDITORIAL_PERMISSIONS = [
    "view_diseasedefinition",
    "change_diseasedefinition",
    "view_diseaserevision",
    "view_scheduledtransition",
]


def grant_editorial_permissions(apps, schema_editor):
    app_config = apps.get_app_config("diseases")
    app_config.models_module = True  # see 0004: create_permissions needs a models module
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    permissions = Permission.objects.filter(
        content_type__app_label="diseases", codename__in=EDITORIAL_PERMISSIONS
    )
    for group in Group.objects.filter(name__in=["Editors", "Reviewers"]):
        group.permissions.add(*permissions)


def revoke_editorial_permissions(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    permissions = Permission.objects.filter(
        content_type__app_label="diseases", codename__in=EDITORIAL_PERMISSIONS
    )
    for group in Group.objects.filter(name__in=["Editors", "Reviewers"]):
        group.permissions.remove(*permissions)


class Migration(migrations.Migration):
    dependencies = [
        ("diseases", "0011_revisions_and_schedules"),
        ("diseases", "0004_editor_and_reviewer_groups"),
    ]

    operations = [migrations.RunPython(grant_editorial_permissions, revoke_editorial_permissions)]
