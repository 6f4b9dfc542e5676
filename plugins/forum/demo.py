"""Demo content: each working group's forum with a few illustrative topics.

The forums follow the core's working groups (musenor_accounts.WorkingGroup).
The topics are generic questions of museum work written for the demo: they
name no real person and state nothing about a real museum.
"""

from django.apps import apps
from django.contrib.auth import get_user_model
from django.db import transaction

from .permissions import ensure_forum, ensure_moderation
from .signals import WORKING_GROUP_MODEL

# (subject, first post, a reply or None)
DEMO_TOPICS = [
    (
        "Bienvenue dans le forum du groupe",
        "Ce forum est réservé aux membres du groupe de travail. Présentez-vous en "
        "quelques lignes : votre établissement, votre fonction et ce que vous attendez "
        "des échanges.",
        "Merci pour l'ouverture de cet espace. Je propose que nous y partagions aussi "
        "les comptes rendus de nos réunions.",
    ),
    (
        "Ordre du jour de la prochaine réunion",
        "Voici une proposition d'ordre du jour :\n\n1. tour de table ;\n2. point sur "
        "les projets en cours ;\n3. questions diverses.\n\nN'hésitez pas à compléter.",
        None,
    ),
    (
        "Ressources utiles",
        "Partagez ici les guides, fiches pratiques et outils qui vous servent au "
        "quotidien, avec une phrase pour dire à quoi ils servent.",
        None,
    ),
]


def demo_poster(group):
    """A member of the working group, else a staff account, to sign the demo posts."""
    users = get_user_model().objects.filter(is_active=True)
    return (
        users.filter(groups=group).order_by("pk").first()
        or users.filter(is_superuser=True).order_by("pk").first()
    )


def add_topics(forum, poster):
    from machina.apps.forum_conversation.models import Post, Topic

    created = 0
    for subject, text, reply in DEMO_TOPICS:
        if Topic.objects.filter(forum=forum, subject=subject).exists():
            continue
        topic = Topic.objects.create(
            forum=forum,
            subject=subject,
            poster=poster,
            type=Topic.TOPIC_POST,
            status=Topic.TOPIC_UNLOCKED,
            approved=True,
        )
        Post.objects.create(topic=topic, subject=subject, content=text, poster=poster)
        if reply:
            Post.objects.create(topic=topic, subject=f"Re: {subject}", content=reply, poster=poster)
        created += 1
    return created


@transaction.atomic
def load_demo(seed, stdout):
    try:
        working_group = apps.get_model(*WORKING_GROUP_MODEL)
    except LookupError:
        stdout.write("Forum: no working groups in this core; no forum created.\n")
        return
    forums = topics = 0
    for group in working_group.objects.select_related("group").order_by("name"):
        forum = ensure_forum(group.group, group.name, getattr(group, "description", "") or "")
        forums += 1
        poster = demo_poster(group.group)
        if poster is not None:
            topics += add_topics(forum, poster)
    ensure_moderation()
    stdout.write(f"Forum: {forums} working groups' forums, {topics} topics created.\n")
