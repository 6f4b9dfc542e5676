from django.apps import AppConfig


class LibraryConfig(AppConfig):
    name = "musenor_example.library"
    label = "example_library"
    verbose_name = "Example library"
