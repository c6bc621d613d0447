from django.apps import AppConfig


class DiseasesConfig(AppConfig):
    name = "diseases"
    verbose_name = "Disease content"

    def ready(self):
        from . import signals

        signals.connect()
