"""Small helpers shared by tests."""

import os
import uuid


def _bound_value(bound_field):
    value = bound_field.value()
    if value is None:
        return None
    if isinstance(value, list | tuple):
        return [str(item) for item in value]
    return value


def admin_form_data(response):
    """POST data that re-submits an admin change form exactly as it was rendered."""
    data = {}
    forms = [response.context["adminform"].form]
    for inline in response.context["inline_admin_formsets"]:
        formset = inline.formset
        forms.append(formset.management_form)
        forms.extend(formset.forms)
    for form in forms:
        for name in form.fields:
            value = _bound_value(form[name])
            if value is not None and value is not False:
                data[form.add_prefix(name)] = value
    return data


ROLE_MIGRATIONS = [
    ("diseases.migrations.0004_editor_and_reviewer_groups", "create_groups"),
    ("diseases.migrations.0012_editorial_permissions", "grant_editorial_permissions"),
    ("diseases.migrations.0017_glossary_permissions", "grant_glossary_permissions"),
    ("support.migrations.0002_coordinators_group", "create_coordinators"),
]


def restore_role_groups():
    """Recreate the Editors, Reviewers and Coordinators groups exactly as their data migrations do.

    Transactional tests flush every table, including rows that migrations created; a later
    transactional test that needs the groups calls this first.
    """
    import importlib

    from django.apps import apps

    for module_name, function_name in ROLE_MIGRATIONS:
        getattr(importlib.import_module(module_name), function_name)(apps, None)


# --- Redis ------------------------------------------------------------------------------------

# The suite's Redis database; each test that uses it works under a key prefix of its own.
TEST_REDIS_URL = os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/4")


def redis_caches(location=None):
    """CACHES for a real Redis as production configures it (django-redis), under a fresh key prefix."""
    from portal.settings import redis_cache

    return {"default": redis_cache(location or TEST_REDIS_URL, KEY_PREFIX=f"test-{uuid.uuid4().hex}")}


def unreachable_redis_caches():
    """CACHES naming a Redis port where nothing listens: a Redis outage."""
    from tests.conftest import free_port

    return redis_caches(f"redis://127.0.0.1:{free_port()}/0")


def disease_change_url(disease):
    from django.urls import reverse

    return reverse("admin:diseases_disease_change", args=[disease.pk])


def save_summary(client, disease, summary):
    """Post the disease's admin change form as it is shown, with a new summary."""
    data = admin_form_data(client.get(disease_change_url(disease)))
    data["summary"] = summary
    return client.post(disease_change_url(disease), data)
