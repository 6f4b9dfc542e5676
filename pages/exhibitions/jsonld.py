"""schema.org JSON-LD of an exhibition page: an ExhibitionEvent held in its museums."""

from wagtail.images.models import SourceImageIOError

from musenor.pages.jsonld import script_json

__all__ = ["exhibition_json_ld", "museum_json_ld", "script_json"]


def museum_json_ld(museum, request):
    address = {
        "@type": "PostalAddress",
        "addressLocality": museum.city,
        "addressRegion": "Hauts-de-France",
        "addressCountry": "FR",
    }
    if museum.address:
        address["streetAddress"] = museum.address
    if museum.postcode:
        address["postalCode"] = museum.postcode
    data = {
        "@type": "Museum",
        "name": museum.title,
        "url": museum.get_full_url(request),
        "address": address,
    }
    if museum.has_coordinates:
        data["geo"] = {
            "@type": "GeoCoordinates",
            "latitude": float(museum.latitude),
            "longitude": float(museum.longitude),
        }
    return data


def exhibition_json_ld(exhibition, request):
    url = exhibition.get_full_url(request)
    locations = [museum_json_ld(museum, request) for museum in exhibition.live_museums]
    if exhibition.venue:
        locations.append({"@type": "Place", "name": exhibition.venue, "address": exhibition.venue})
    if exhibition.is_online:
        locations.append({"@type": "VirtualLocation", "url": url})
        mode = "OnlineEventAttendanceMode" if len(locations) == 1 else "MixedEventAttendanceMode"
    else:
        mode = "OfflineEventAttendanceMode"
    data = {
        "@context": "https://schema.org",
        "@type": "ExhibitionEvent",
        "name": exhibition.title,
        "url": url,
        "startDate": exhibition.start_date.isoformat(),
        "eventStatus": "https://schema.org/EventScheduled",
        "eventAttendanceMode": f"https://schema.org/{mode}",
        "inLanguage": exhibition.locale.language_code,
    }
    if exhibition.end_date:
        data["endDate"] = exhibition.end_date.isoformat()
    if exhibition.display_summary:
        data["description"] = exhibition.display_summary
    if locations:
        data["location"] = locations[0] if len(locations) == 1 else locations
    image = exhibition.image or exhibition.listing_image
    if image is not None:
        try:
            rendition = image.get_rendition("fill-1200x630")
        except SourceImageIOError:  # the file is missing: the page still renders
            rendition = None
        if rendition is not None:
            data["image"] = [request.build_absolute_uri(rendition.url)]
    if exhibition.operation_id and exhibition.operation and exhibition.operation.live:
        data["superEvent"] = {
            "@type": "EventSeries",
            "name": exhibition.operation.title,
            "url": exhibition.operation.get_full_url(request),
        }
    return data
