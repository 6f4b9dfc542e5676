"""schema.org JSON-LD of a news page: a NewsArticle published by Musenor."""

from django.utils.text import Truncator

from musenor.pages.jsonld import image_url, publisher

# Search engines cut longer headlines.
HEADLINE_LENGTH = 110


def news_json_ld(news, request):
    url = news.get_full_url(request)
    organisation = publisher(request)
    data = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": Truncator(news.title).chars(HEADLINE_LENGTH),
        "url": url,
        "mainEntityOfPage": {"@type": "WebPage", "@id": url},
        "datePublished": news.published_at.isoformat(),
        "dateModified": news.modified_at.isoformat(),
        "inLanguage": news.locale.language_code,
        "author": ({"@type": "Person", "name": news.author} if news.author else dict(organisation)),
        "publisher": organisation,
    }
    if news.display_summary:
        data["description"] = news.display_summary
    image = image_url(news.image or news.meta_image, request)
    if image:
        data["image"] = [image]
    keywords = [tag.name for tag in news.tag_list]
    if keywords:
        data["keywords"] = keywords
    museums = [
        {"@type": "Museum", "name": museum.title, "url": museum.get_full_url(request)}
        for museum in news.live_museums
    ]
    if museums:
        data["about"] = museums
    return data
