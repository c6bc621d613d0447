from django.contrib.auth.management import create_permissions
from django.db import migrations

# Editors and reviewers both keep the glossary: it explains words, it is not part of any page's review.
GLOSSARY_PERMISSIONS = [
    "view_glossaryentry",
    "add_glossaryentry",
    "change_glossaryentry",
    "delete_glossaryentry",
]


def grant_glossary_permissions(apps, schema_editor):
    app_config = apps.get_app_config("diseases")
    app_config.models_module = True  # see 0004: create_permissions needs a models module
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    permissions = Permission.objects.filter(
        content_type__app_label="diseases", codename__in=GLOSSARY_PERMISSIONS
    )
    for group in Group.objects.filter(name__in=["Editors", "Reviewers"]):
        group.permissions.add(*permissions)


def revoke_glossary_permissions(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    permissions = Permission.objects.filter(
        content_type__app_label="diseases", codename__in=GLOSSARY_PERMISSIONS
    )
    for group in Group.objects.filter(name__in=["Editors", "Reviewers"]):
        group.permissions.remove(*permissions)


class Migration(migrations.Migration):
    dependencies = [
        ("diseases", "0016_glossary_entry"),
        ("diseases", "0012_editorial_permissions"),
    ]

    operations = [migrations.RunPython(grant_glossary_permissions, revoke_glossary_permissions)]
