from django.core.management import call_command
from django.db import migrations


def create_cache_tables(apps, schema_editor):
    # The default cache is a database table that rate limits and API throttles rely on; making it part of
    # `migrate` means no deployment can forget it. It does nothing when the cache is Redis.
    call_command("createcachetable", database=schema_editor.connection.alias, verbosity=0)


class Migration(migrations.Migration):
    operations = [migrations.RunPython(create_cache_tables, migrations.RunPython.noop)]
