"""Every facet's counts of a collection search, and its total, in one SQL query.

A facet counts the records matched by the query and by the filters of the
*other* facets (values of one facet are alternatives). Counting each facet
with its own query made the database match the free text and the filters
eight times per page, over 100,000 records. Here the matched records are
named once, in a common table expression; each facet is a ``GROUP BY`` over
those of them that meet the other facets' filters::

    WITH base(id, museum_id, has_image) AS (<the query's text and [Field] parts>)
    SELECT 'domain', t.domain_id, label, COUNT(*) FROM base JOIN <through> t ...
     WHERE <museum filter> AND <image filter> GROUP BY ...   -- every filter but its own
    UNION ALL ...                                            -- one branch per facet
    UNION ALL SELECT '', 0, '', COUNT(*) FROM base WHERE <every filter>   -- the total

On PostgreSQL, a query with words is matched once (``MATERIALIZED``): the
free text through the GIN index on the index entries' ``title || body`` (the
core's search app), which may have thousands of candidates to check for a
phrase. Without words, the expression is inlined in each branch, so that the
planner starts each one from the most selective filter (a chosen term's
records) and reads the public records from a narrow partial index (the
plugin's migration).

The base rows come from the Django queryset the search backend returns (its
own SQL: PostgreSQL's ``tsquery``, SQLite's FTS5 ``MATCH``, or the ids an
Elasticsearch backend gave), so this works on every backend. The query keeps
each facet's most frequent values only (``ROW_NUMBER`` over the counts).
"""

from django.db import connection

from ..models import Record

# The SQL below is put together from the models' table and column names, the
# facets' own keys and placeholders: every value goes in as a parameter.

#: The facet key of the row that holds the total.
TOTAL = ""


def _materialization(query_words):
    """How the matched records are computed on PostgreSQL: once, when the query has words
    (matching them is the costly part, and they narrow the records); otherwise inlined
    in each branch, which PostgreSQL then plans with the tables' statistics (a
    materialised set has none). SQLite decides alone."""
    if connection.vendor != "postgresql":
        return ""
    return "MATERIALIZED " if query_words else "NOT MATERIALIZED "


def _placeholders(values):
    return ", ".join(["%s"] * len(values))


def _m2m(relation):
    """``(through table, record column, term column, vocabulary table)`` of a relation."""
    model_field = Record._meta.get_field(relation)
    through = model_field.remote_field.through
    source = through._meta.get_field(model_field.m2m_field_name()).column
    target = through._meta.get_field(model_field.m2m_reverse_field_name()).column
    return through._meta.db_table, source, target, model_field.related_model._meta.db_table


def _museum_title_table():
    """The table holding the museum pages' titles (Wagtail's page table)."""
    museum = Record._meta.get_field("museum").related_model
    return museum._meta.get_field("title").model._meta.db_table


class _Conditions:
    """One SQL condition per selected facet; each facet's branch keeps the others'."""

    def __init__(self, facets, filters):
        self.conditions = {}  # facet key -> (sql, params)
        for facet in facets:
            values = filters.get(facet.key) or []
            if not values:
                continue
            if facet.relation is None:
                self.conditions[facet.key] = ("f.has_image = %s", [True])
            elif facet.relation == "museum":
                self.conditions[facet.key] = (
                    f"f.museum_id IN ({_placeholders(values)})",
                    list(values),
                )
            else:
                table, source, target, _vocabulary = _m2m(facet.relation)
                self.conditions[facet.key] = (
                    f"f.id IN (SELECT {source} FROM {table} "  # noqa: S608
                    f"WHERE {target} IN ({_placeholders(values)}))",
                    list(values),
                )

    def where(self, without=None, extra=None):
        """``(WHERE clause, params)`` for the records meeting every filter but ``without``'s."""
        parts = [(sql, params) for key, (sql, params) in self.conditions.items() if key != without]
        if extra:
            parts.append(extra)
        if not parts:
            return "", []
        return (
            " WHERE " + " AND ".join(sql for sql, _params in parts),
            [p for _sql, params in parts for p in params],
        )


def facet_rows(base, facets, filters, limit, *, query_words=False):
    """``[(facet key, value id, label, count)]``: each facet's ``limit`` most frequent values,
    most frequent first, then by label; and one row ``(TOTAL, 0, "", total)``.

    ``base`` is the queryset of the matched records before any facet filter;
    ``query_words`` tells whether the visitor's query narrows them.
    """
    base_sql, base_params = (
        base.order_by().values_list("pk", "museum_id", "has_image").query.sql_with_params()
    )
    conditions = _Conditions(facets, filters)
    branches, branch_params = [], []
    for facet in facets:
        if facet.relation is None:
            where, params = conditions.where(facet.key, ("f.has_image = %s", [True]))
            branches.append(f"SELECT '{facet.key}', 1, '', COUNT(*) FROM base f{where}")  # noqa: S608
        elif facet.relation == "museum":
            where, params = conditions.where(facet.key)
            branches.append(
                f"SELECT '{facet.key}', f.museum_id, p.title, COUNT(*) FROM base f "  # noqa: S608
                f"JOIN {_museum_title_table()} p ON p.id = f.museum_id{where} "
                f"GROUP BY f.museum_id, p.title"
            )
        else:
            table, source, target, vocabulary = _m2m(facet.relation)
            where, params = conditions.where(facet.key)
            branches.append(
                f"SELECT '{facet.key}', t.{target}, v.label, COUNT(*) FROM base f "  # noqa: S608
                f"JOIN {table} t ON t.{source} = f.id JOIN {vocabulary} v ON v.id = t.{target}"
                f"{where} GROUP BY t.{target}, v.label"
            )
        branch_params += params
    where, params = conditions.where()
    branches.append(f"SELECT '{TOTAL}', 0, '', COUNT(*) FROM base f{where}")  # noqa: S608
    branch_params += params
    sql = (
        f"WITH base(id, museum_id, has_image) AS {_materialization(query_words)}({base_sql}), "  # noqa: S608
        f"counts(facet, value, label, n) AS ({' UNION ALL '.join(branches)}) "
        "SELECT facet, value, label, n FROM ("
        "SELECT facet, value, label, n, "
        "ROW_NUMBER() OVER (PARTITION BY facet ORDER BY n DESC, label) AS rank_in_facet "
        "FROM counts) AS ranked WHERE rank_in_facet <= %s ORDER BY facet, n DESC, label"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [*base_params, *branch_params, limit])
        return cursor.fetchall()
