"""A context processor the plugin declares (``ExampleConfig.context_processors``)."""

from django.apps import apps


def example(request):
    return {"example_banner": apps.get_app_config("musenor_example").get_setting("BANNER")}
