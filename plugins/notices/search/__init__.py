"""The collection search: the query language, the search and its facets, the site-search
provider, the embeddable selection block, indexing and the benchmark.

Dependencies go one way: ``query`` (pure, no models) <- ``engine`` (queries,
facets) <- ``views``, ``providers``, ``blocks``.
"""
