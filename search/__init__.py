"""The unified site search: backend selection, the search page, the query
parser and the provider protocol that plugins implement.

Dependencies go one way: ``backends`` is read by the settings and imports
nothing from Django; ``database`` is the database search backend it names,
built on ``query``, the parser of visitor text; ``providers`` defines what
plugins return from the ``search_providers`` hook; ``views`` aggregates pages
and providers.
"""
