from django.core.management.base import BaseCommand

from diseases.editorial.schedule import apply_due_changes


class Command(BaseCommand):
    help = (
        "Apply the revisions and the publications or unpublications reviewers scheduled that are now due. "
        "The task queue runs this at each scheduled time; run it from cron too (every few minutes) as a "
        "safety net. Running it when nothing is due changes nothing."
    )

    def handle(self, *args, **options):
        for line in apply_due_changes():
            self.stdout.write(line)
