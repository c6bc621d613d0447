from django.db import migrations

GROUP = "Coordinators"
PERMISSIONS = {
    "connectionrequest": ["view", "change"],
    "requestevent": ["view"],
    "connectionmatch": ["view"],
    "outboxmessage": ["view"],
}


def create_coordinators(apps, schema_editor):
    # Permissions are normally created after all migrations (post_migrate); the group needs them now,
    # so they are made here, exactly as Django would name them.
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    Group = apps.get_model("auth", "Group")
    group, _ = Group.objects.get_or_create(name=GROUP)
    for model_name, actions in PERMISSIONS.items():
        model = apps.get_model("support", model_name)
        content_type, _ = ContentType.objects.get_or_create(app_label="support", model=model_name)
        for action in actions:
            permission, _ = Permission.objects.get_or_create(
                content_type=content_type,
                codename=f"{action}_{model_name}",
                defaults={"name": f"Can {action} {model._meta.verbose_name_raw}"},
            )
            group.permissions.add(permission)


def remove_coordinators(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name=GROUP).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("support", "0001_connection_requests"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(create_coordinators, remove_coordinators)]
