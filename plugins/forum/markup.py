"""How forum posts become HTML: markdown2, then the nh3 sanitiser with an allow-list.

machina renders posts with markdown2's "safe mode", which stops ``<script>``
and plain ``javascript:`` links but lets crafted links and attributes through.
Here markdown2 escapes any raw HTML the member typed, and nh3 (Ammonia) keeps
only the tags, attributes and URL schemes below from what markdown2 produced:
whatever a member writes, a reader's browser gets no script, no event handler,
no style, no frame and no form. ``MACHINA_MARKUP_LANGUAGE`` names
:func:`render`; machina stores its result with the post.
"""

import markdown2
import nh3

TAGS = {
    "a", "abbr", "b", "blockquote", "br", "code", "dd", "del", "dl", "dt", "em",
    "h2", "h3", "h4", "h5", "h6", "hr", "i", "li", "ol", "p", "pre", "s", "strong",
    "sub", "sup", "table", "tbody", "td", "th", "thead", "tr", "ul",
}  # fmt: skip
ATTRIBUTES = {
    "a": {"href", "title"},
    "abbr": {"title"},
    "td": {"colspan", "rowspan"},
    "th": {"colspan", "rowspan", "scope"},
    "ol": {"start"},
}
URL_SCHEMES = {"http", "https", "mailto"}
EXTRAS = ["fenced-code-blocks", "tables", "strike", "cuddled-lists", "break-on-newline"]


def sanitize(html):
    """Keep only the allow-listed HTML of ``html``; links get ``rel="nofollow noopener"``."""
    return nh3.clean(
        html,
        tags=TAGS,
        attributes=ATTRIBUTES,
        url_schemes=URL_SCHEMES,
        link_rel="nofollow noopener noreferrer",
        strip_comments=True,
    )


def render(text):
    """The HTML of a post written in Markdown; raw HTML in ``text`` is shown as text."""
    html = markdown2.markdown(text or "", safe_mode="escape", extras=EXTRAS)
    return sanitize(html)
