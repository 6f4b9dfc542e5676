"""The unified site search: backend selection, the search page, the query
parser and the provider protocol that plugins implement.

Dependencies go one way: ``backends`` is read by the settings and imports
nothing from Django; ``providers`` defines what plugins return from the
``search_providers`` hook; ``views`` aggregates pages and providers.
"""
