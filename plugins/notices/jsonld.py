"""schema.org ``VisualArtwork`` for a record page."""

from musenor.pages.jsonld import image_url, publisher, script_json


def record_json_ld(record, photos, request):
    data = {
        "@context": "https://schema.org",
        "@type": "VisualArtwork",
        "name": str(record.display_title),
        "url": request.build_absolute_uri(record.get_absolute_url()),
        "identifier": record.inventory_number,
        "publisher": publisher(request),
    }
    if record.description:
        data["description"] = record.description
    authors = [term.label for term in record.authors.all()]
    if authors:
        data["creator"] = [{"@type": "Person", "name": name} for name in authors]
    if record.creation_years:
        data["dateCreated"] = record.creation_years
    domains = [term.label for term in record.domains.all()]
    if domains:
        data["artform"] = domains[0] if len(domains) == 1 else domains
    techniques = [term.label for term in record.techniques.all()]
    if techniques:
        data["artMedium"] = ", ".join(techniques)
    denominations = [term.label for term in record.denominations.all()]
    if denominations:
        data["genre"] = denominations
    museum = record.museum
    data["holdingArchive"] = {
        "@type": "Museum",
        "name": museum.title,
        "url": request.build_absolute_uri(museum.localized.url or "/"),
    }
    images = [url for url in (image_url(p.image, request, "width-1200") for p in photos) if url]
    if images:
        data["image"] = images
    return script_json(data)
