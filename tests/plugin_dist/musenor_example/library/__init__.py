"""A small library app the example plugin wraps, standing in for django-machina.

Like machina, it ships templates two ways: under its app's ``templates/``
folder (found through ``APP_DIRS``) and in a folder of unprefixed templates
that a project adds to ``TEMPLATES["DIRS"]`` (machina's
``MACHINA_MAIN_TEMPLATE_DIR``). The example plugin overrides one of each.
"""
