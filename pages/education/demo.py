"""Demo content: the teachers' index and four educational showcases.

Called by ``manage.py load_demo`` (see :mod:`musenor.site.demo`). Pages are
found by slug and documents by title, so running it again changes nothing.
"""

import re

from django.apps import apps
from django.utils.html import strip_tags
from wagtail.documents import get_document_model
from wagtail.models import Collection

from musenor.pages.museums.models import MuseumIndexPage, MuseumPage
from musenor.site.demo import publish_child

from .demo_content import INDEX, SHOWCASES, SUBJECTS
from .factories import make_document, make_subject
from .models import (
    SchoolLevel,
    ShowcaseIndexPage,
    ShowcaseMuseum,
    ShowcasePage,
    ShowcasePath,
    ShowcaseTeachingFile,
    ShowcaseWork,
)

COLLECTION = "Dossiers pédagogiques"


def load(home, seed, stdout):
    SchoolLevel.objects.ensure_all()
    subjects = {name: make_subject(name) for name in SUBJECTS}
    index = publish_child(
        home,
        ShowcaseIndexPage,
        INDEX["slug"],
        title=INDEX["title"],
        intro=INDEX["intro"],
        show_in_menus=True,
    )
    directory = MuseumIndexPage.objects.child_of(home).first()
    museums = {
        page.title: page
        for page in MuseumPage.objects.child_of(directory).filter(title__in=_museum_names())
    }
    collection = _collection()
    paths = _paths(home)
    for data in SHOWCASES:
        _showcase(index, data, subjects, museums, collection, paths)
    stdout.write(f"Educational showcases: {len(SHOWCASES)} under {index.url_path}.")


def _museum_names():
    names = set()
    for data in SHOWCASES:
        names.update(name for name, _note in data["museums"])
        names.update(work["museum"] for work in data["works"] if work.get("museum"))
    return names


def _collection():
    root = Collection.get_first_root_node()
    existing = root.get_children().filter(name=COLLECTION).first()
    return existing or root.add_child(name=COLLECTION)


def _paths(home):
    """The published thematic paths, by title (the paths app may have made none)."""
    ThematicPathPage = apps.get_model("musenor_paths", "ThematicPathPage")
    return {page.title: page for page in ThematicPathPage.objects.descendant_of(home).live()}


def _document(title, description, data, collection):
    Document = get_document_model()
    document = Document.objects.filter(title=title, collection=collection).first()
    if document is not None:
        return document
    objectives = [strip_tags(item) for item in re.findall(r"<li>(.*?)</li>", data["objectives"])]
    paragraphs = [
        data["title"],
        strip_tags(data["intro"]),
        "Objectifs : " + " ".join(objectives),
        *(
            f"{activity['title']} ({activity['duration']} min) : "
            + strip_tags(activity["description"])
            for activity in data["activities"]
        ),
        description,
        "Document de démonstration du réseau Musenor.",
    ]
    document = make_document(title, paragraphs)
    document.collection = collection
    document.save(update_fields=["collection"])
    return document


def _showcase(index, data, subjects, museums, collection, paths):
    teaching_files = [
        ShowcaseTeachingFile(
            document=_document(title, description, data, collection), description=description
        )
        for title, description in data["files"]
    ]
    return publish_child(
        index,
        ShowcasePage,
        data["slug"],
        title=data["title"],
        intro=data["intro"],
        objectives=data["objectives"],
        practical_info=data["practical_info"],
        activities=[("activity", activity) for activity in data["activities"]],
        levels=list(SchoolLevel.objects.filter(code__in=data["levels"])),
        subjects=[subjects[name] for name in data["subjects"]],
        teaching_files=teaching_files,
        linked_museums=[
            ShowcaseMuseum(museum=museums[name], note=note)
            for name, note in data["museums"]
            if name in museums
        ],
        linked_works=[
            ShowcaseWork(
                title=work["title"],
                artist=work.get("artist", ""),
                date=work.get("date", ""),
                museum=museums.get(work.get("museum")),
            )
            for work in data["works"]
        ],
        linked_paths=[
            ShowcasePath(path=paths[title], note=note)
            for title, note in data.get("paths", ())
            if title in paths
        ],
    )
