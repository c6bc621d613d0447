from django.contrib.auth.management import create_permissions
from django.db import migrations

CONTENT_MODELS = ["disease", "diseasesynonym", "externalidentifier", "annotation", "reference", "resource"]
READ_ONLY_MODELS = ["category", "phenotype", "phenotypesynonym", "datarelease"]

EDITOR_PERMISSIONS = (
    [f"{action}_{model}" for model in CONTENT_MODELS for action in ("view", "add", "change")]
    + [f"delete_{model}" for model in CONTENT_MODELS if model != "disease"]
    + [f"view_{model}" for model in READ_ONLY_MODELS]
)
REVIEWER_PERMISSIONS = EDITOR_PERMISSIONS + ["publish_disease"]


def create_groups(apps, schema_editor):
    # Permissions are normally made after all migrations; the groups need them now.
    app_config = apps.get_app_config("diseases")
    app_config.models_module = True  # the migration state's app stub has none; create_permissions needs it
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for name, codenames in [("Editors", EDITOR_PERMISSIONS), ("Reviewers", REVIEWER_PERMISSIONS)]:
        group, _ = Group.objects.get_or_create(name=name)
        group.permissions.add(
            *Permission.objects.filter(content_type__app_label="diseases", codename__in=codenames)
        )


def remove_groups(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name__in=["Editors", "Reviewers"]).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("diseases", "0003_editorial_history"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(create_groups, remove_groups)]
