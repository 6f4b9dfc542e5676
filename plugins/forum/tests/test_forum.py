"""The forum plugin with machina, through its views: privacy, posting, quoting, polls,
attachments, unread tracking, subscriptions and notifications, search, dashboard, demo."""

import io
import re
from urllib.parse import quote

import pytest
from django.core import mail
from django.test import Client, TestCase
from django.urls import reverse

from .conftest import make_user, management_forms, start_topic

pytestmark = pytest.mark.django_db


def client_for(user):
    client = Client()
    client.force_login(user)
    return client


def topic_url(topic):
    return reverse(
        "forum_conversation:topic",
        kwargs={
            "forum_slug": topic.forum.slug,
            "forum_pk": topic.forum_id,
            "slug": topic.slug,
            "pk": topic.pk,
        },
    )


def test_a_working_group_forum_is_private_to_its_members_and_moderators(forum_world):
    forum = forum_world["mediation_forum"]
    topic = start_topic(forum_world["alice"], forum, "Accueil des familles", "Bonjour à tous")
    url = topic_url(topic)
    assert client_for(forum_world["bruno"]).get(url).status_code == 200
    assert client_for(forum_world["moderator"]).get(url).status_code == 200
    # A member of another group, and an anonymous visitor, do not read it.
    assert client_for(forum_world["chloe"]).get(url).status_code in (302, 403)
    anonymous = Client().get(url)
    assert anonymous.status_code == 302
    assert anonymous["Location"] == f"/membres/connexion/?next={quote(url)}"
    assert Client().get("/forum/")["Location"] == "/membres/connexion/?next=/forum/"
    index = client_for(forum_world["chloe"]).get(reverse("forum:index")).content.decode()
    assert "Inventaire informatisé" in index
    assert "Médiation" not in index


def test_a_working_group_has_its_forum_named_after_it(forum_world):
    group = forum_world["mediation_group"]
    forum = forum_world["mediation_forum"]
    assert (forum.name, forum.description.raw) == ("Médiation", "Les publics")
    group.name = "Médiation et publics"
    group.save()
    forum.refresh_from_db()
    assert forum.name == "Médiation et publics"
    # A moderator group created later (setup_roles) moderates the existing forums.
    from django.contrib.auth.models import Group
    from machina.apps.forum_permission.models import GroupForumPermission

    from musenor.plugins.roles import ROLES, STAFF

    staff = Group.objects.create(name=ROLES[STAFF])
    assert GroupForumPermission.objects.filter(
        group=staff, forum=forum, permission__codename="can_approve_posts", has_perm=True
    ).exists()


def test_forum_screens_are_in_the_site_frame_with_one_h1(forum_world):
    forum = forum_world["mediation_forum"]
    topic = start_topic(forum_world["alice"], forum, "Fiches pratiques", "Une *liste* de fiches")
    client = client_for(forum_world["alice"])
    for url in (
        reverse("forum:index"),
        reverse("forum:forum", args=[forum.slug, forum.pk]),
        topic_url(topic),
        reverse("forum_conversation:topic_create", args=[forum.slug, forum.pk]),
        reverse(
            "forum_conversation:post_create", args=[forum.slug, forum.pk, topic.slug, topic.pk]
        ),
        reverse("forum_tracking:unread_topics"),
        reverse("musenor_forum:subscriptions"),
    ):
        html = client.get(url).content.decode()
        assert html.count("<main") == 1, url
        assert html.count("<h1") == 1, url
        assert "user-scalable" not in html, url
        assert "machina.min.js" not in html, url


def test_replying_quoting_and_editing(forum_world):
    forum = forum_world["mediation_forum"]
    alice, bruno = forum_world["alice"], forum_world["bruno"]
    topic = start_topic(alice, forum, "Gestion des flux", "Comment gérez-vous les flux ?")
    first = topic.first_post
    client = client_for(bruno)
    reply_url = reverse(
        "forum_conversation:post_create", args=[forum.slug, forum.pk, topic.slug, topic.pk]
    )
    form = client.get(f"{reply_url}?quote={first.pk}").content.decode()
    assert "&gt; Comment gérez-vous les flux ?" in form
    assert "Alice Test" in form
    response = client.post(
        reply_url, {"subject": "Re: flux", "content": "> cité\n\nRéponse", **management_forms()}
    )
    assert response.status_code == 302
    reply = topic.posts.get(subject="Re: flux")
    assert "<blockquote>" in reply.content.rendered
    edit_url = reverse(
        "forum_conversation:post_update",
        args=[forum.slug, forum.pk, topic.slug, topic.pk, reply.pk],
    )
    response = client.post(
        edit_url, {"subject": "Re: flux", "content": "Réponse corrigée", **management_forms()}
    )
    assert response.status_code == 302
    reply.refresh_from_db()
    assert reply.content.raw == "Réponse corrigée"
    # Alice may not edit Bruno's post.
    assert client_for(alice).get(edit_url).status_code in (302, 403)


def test_posts_are_sanitised(forum_world):
    forum = forum_world["mediation_forum"]
    topic = start_topic(
        forum_world["alice"],
        forum,
        "Liens",
        "[clic](javascript:alert(1)) <img src=x onerror=alert(2)> [ok](https://example.org)"
        ' ![i](x" onerror="alert(3))',
    )
    rendered = topic.first_post.content.rendered
    assert "javascript:" not in rendered
    assert not re.search(r"<[^>]*onerror", rendered)
    assert "<img" not in rendered
    # The raw HTML a member typed is shown as text.
    assert "&lt;img src=x onerror=alert(2)&gt;" in rendered
    assert '<a href="https://example.org" rel="nofollow noopener noreferrer">ok</a>' in rendered


def test_a_poll_can_be_created_and_voted(forum_world):
    forum = forum_world["mediation_forum"]
    topic = start_topic(
        forum_world["alice"],
        forum,
        "Date de la réunion",
        "Votez",
        poll_question="Quel jour ?",
        poll_max_options=1,
        poll_duration="",
        **{
            "poll-TOTAL_FORMS": 2,
            "poll-INITIAL_FORMS": 0,
            "poll-0-text": "Lundi",
            "poll-1-text": "Jeudi",
        },
    )
    poll = topic.poll
    option = poll.options.get(text="Jeudi")
    client = client_for(forum_world["bruno"])
    response = client.post(
        reverse("forum_conversation:topic_poll_vote", args=[poll.pk]), {"options": option.pk}
    )
    assert response.status_code == 302
    assert option.votes.filter(voter=forum_world["bruno"]).exists()
    html = client.get(topic_url(topic)).content.decode()
    assert "<progress" in html


def test_attachments_are_private_and_checked(forum_world, private_attachments):
    forum = forum_world["mediation_forum"]
    pdf = io.BytesIO(b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n")
    pdf.name = "compte-rendu.pdf"
    topic = start_topic(
        forum_world["alice"],
        forum,
        "Compte rendu",
        "En pièce jointe.",
        **{"attachment-TOTAL_FORMS": 1, "attachment-INITIAL_FORMS": 0, "attachment-0-file": pdf},
    )
    attachment = topic.first_post.attachments.get()
    path = private_attachments / "private" / attachment.file.name
    assert path.exists()
    assert not (private_attachments / "media" / attachment.file.name).exists()
    url = reverse("musenor_forum:attachment", args=[attachment.pk])
    assert url == reverse("forum_conversation:attachment", args=[attachment.pk])
    response = client_for(forum_world["bruno"]).get(url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content).startswith(b"%PDF")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert client_for(forum_world["chloe"]).get(url).status_code == 404
    # An anonymous visitor is sent to sign in first.
    assert Client().get(url)["Location"].startswith("/membres/connexion/?next=")


def test_an_html_file_is_refused_as_attachment(forum_world, private_attachments):
    from django.test import Client as C

    forum = forum_world["mediation_forum"]
    page = io.BytesIO(b"<html><script>alert(1)</script></html>")
    page.name = "page.html"
    client = C()
    client.force_login(forum_world["alice"])
    response = client.post(
        reverse("forum_conversation:topic_create", args=[forum.slug, forum.pk]),
        {
            "subject": "Piège",
            "content": "x",
            "topic_type": 0,
            **management_forms(),
            "attachment-TOTAL_FORMS": 1,
            "attachment-0-file": page,
        },
    )
    assert response.status_code == 200
    assert not forum.topics.filter(subject="Piège").exists()


def test_unread_tracking(forum_world):
    forum = forum_world["mediation_forum"]
    topic = start_topic(forum_world["alice"], forum, "Nouveau sujet", "Texte")
    bruno = client_for(forum_world["bruno"])
    assert "Nouveau sujet" in bruno.get(reverse("forum_tracking:unread_topics")).content.decode()
    bruno.get(topic_url(topic))
    assert (
        "Nouveau sujet" not in bruno.get(reverse("forum_tracking:unread_topics")).content.decode()
    )


def test_forum_subscribers_are_mailed_new_posts_they_may_read_but_not_their_own(forum_world):
    from musenor.plugins.forum.models import ForumSubscription

    forum = forum_world["mediation_forum"]
    alice, bruno = forum_world["alice"], forum_world["bruno"]
    ForumSubscription.objects.create(user=alice, forum=forum)
    ForumSubscription.objects.create(user=bruno, forum=forum)
    # Chloé follows a forum she cannot read (she left the group, say): never mailed.
    ForumSubscription.objects.create(user=forum_world["chloe"], forum=forum)
    mail.outbox.clear()
    start_topic(alice, forum, "Visite des réserves", "Qui vient jeudi ?")
    assert [message.to for message in mail.outbox] == [[bruno.email]]
    message = mail.outbox[0]
    assert "Visite des réserves" in message.subject
    assert "Qui vient jeudi ?" in message.body
    assert message.extra_headers["List-Unsubscribe"].startswith("<http")
    assert "/forum/abonnements/fin/" in message.body


def test_topic_subscribers_are_mailed_and_a_digest_keeps_it_for_later(forum_world):
    from musenor.plugins.models import DigestEntry
    from musenor.plugins.notifications import DIGEST, set_preference

    forum = forum_world["mediation_forum"]
    alice, bruno = forum_world["alice"], forum_world["bruno"]
    topic = start_topic(alice, forum, "Bien-être au musée", "Premières idées")
    client_for(bruno).post(
        reverse("forum_member:topic_subscribe", args=[topic.pk]), {"post": "yes"}
    )
    assert topic.subscribers.filter(pk=bruno.pk).exists()
    set_preference(bruno, "forum.new_post", DIGEST)
    mail.outbox.clear()
    with TestCase.captureOnCommitCallbacks(execute=True):
        client_for(alice).post(
            reverse(
                "forum_conversation:post_create", args=[forum.slug, forum.pk, topic.slug, topic.pk]
            ),
            {"subject": "Re: bien-être", "content": "Une suite", **management_forms()},
        )
    assert mail.outbox == []
    entry = DigestEntry.objects.get(user=bruno)
    assert "Une suite" in entry.text


def test_the_one_click_link_ends_the_subscription(forum_world):
    from musenor.plugins.forum.models import ForumSubscription

    forum = forum_world["mediation_forum"]
    ForumSubscription.objects.create(user=forum_world["bruno"], forum=forum)
    mail.outbox.clear()
    start_topic(forum_world["alice"], forum, "Un sujet", "Un texte")
    body = mail.outbox[0].body
    path = body[body.index("/forum/abonnements/fin/") :].split()[0]
    # A GET (a mail scanner) changes nothing; the POST, without session or CSRF token, does.
    assert Client().get(path).status_code == 200
    assert ForumSubscription.objects.filter(user=forum_world["bruno"]).exists()
    assert Client(enforce_csrf_checks=True).post(path).status_code == 200
    assert not ForumSubscription.objects.filter(user=forum_world["bruno"]).exists()


def test_notifications_go_out_in_batches(forum_world, settings):
    from musenor.plugins.forum.models import ForumSubscription, PostNotification

    settings.MUSENOR_PLUGIN_SETTINGS = {"forum": {"NOTIFICATION_BATCH_SIZE": 2}}
    forum = forum_world["mediation_forum"]
    readers = [
        make_user(f"m{n}@example.org", f"M{n}", [forum_world["mediation"]]) for n in range(5)
    ]
    for reader in readers:
        ForumSubscription.objects.create(user=reader, forum=forum)
    mail.outbox.clear()
    topic = start_topic(forum_world["alice"], forum, "Grande annonce", "Pour tous")
    assert sorted(message.to[0] for message in mail.outbox) == sorted(r.email for r in readers)
    notification = PostNotification.objects.get(post=topic.first_post)
    assert notification.sent_at is not None


def test_the_search_finds_posts_the_member_may_read_only(forum_world):
    forum = forum_world["mediation_forum"]
    start_topic(forum_world["alice"], forum, "Médiation numérique", "Les tablettes en salle")
    found = client_for(forum_world["bruno"]).get("/recherche/", {"q": "tablettes"}).content.decode()
    assert "Médiation numérique" in found
    hidden = (
        client_for(forum_world["chloe"]).get("/recherche/", {"q": "tablettes"}).content.decode()
    )
    assert "Médiation numérique" not in hidden
    anonymous = Client().get("/recherche/", {"q": "tablettes"}).content.decode()
    assert "Médiation numérique" not in anonymous


def test_dashboard_panel_and_member_menu(forum_world, rf):
    from musenor.plugins.members import dashboard_panels, member_menu

    forum = forum_world["mediation_forum"]
    start_topic(forum_world["alice"], forum, "Sujet du panneau", "Texte")
    request = rf.get("/")
    request.user = forum_world["bruno"]
    request.LANGUAGE_CODE = "fr"
    panels = [panel for panel in dashboard_panels(request) if "forum" in panel.template]
    assert len(panels) == 1
    assert panels[0].context["unread_count"] == 1
    assert panels[0].context["topics"][0].subject == "Sujet du panneau"
    labels = [str(item.label) for item in member_menu(request)]
    assert "Forum" in labels


@pytest.mark.parametrize(("unread", "sentence"), [(0, "Aucun sujet non lu."), (1, "Un sujet")])
def test_the_panel_says_plainly_when_nothing_is_unread(forum_world, rf, unread, sentence):
    """French takes its singular for 0: the panel must not say "Un sujet non lu" then."""
    from django.template.loader import render_to_string
    from django.utils import translation

    from musenor.plugins.members import dashboard_panels

    if unread:
        start_topic(forum_world["alice"], forum_world["mediation_forum"], "Nouveau", "Texte")
    request = rf.get("/")
    request.user = forum_world["bruno"]
    request.LANGUAGE_CODE = "fr"
    (panel,) = [panel for panel in dashboard_panels(request) if "forum" in panel.template]
    with translation.override("fr"):
        html = render_to_string(panel.template, {"panel": panel}, request=request)
    assert sentence in html
    assert ("Aucun sujet non lu." in html) == (not unread)
    assert ("Un sujet non lu." in html) == bool(unread)


def test_moderators_approve_posts_in_the_queue(forum_world):
    from machina.apps.forum_permission.models import ForumPermission, GroupForumPermission

    forum = forum_world["mediation_forum"]
    # This group's members now need approval.
    GroupForumPermission.objects.filter(
        forum=forum,
        group=forum_world["mediation"],
        permission=ForumPermission.objects.get(codename="can_post_without_approval"),
    ).update(has_perm=False)
    start_topic(forum_world["alice"], forum, "À valider", "Texte")
    post = forum.topics.get(subject="À valider").first_post
    assert not post.approved
    moderator = client_for(forum_world["moderator"])
    queue = moderator.get(reverse("forum_moderation:queue")).content.decode()
    assert "À valider" in queue
    response = moderator.post(
        reverse("forum_moderation:approve_queued_post", args=[post.pk]), {"post": "yes"}
    )
    assert response.status_code == 302
    post.refresh_from_db()
    assert post.approved


def test_screens_are_in_french_by_default_and_in_english_under_en(forum_world):
    client = client_for(forum_world["alice"])
    assert "Les forums des groupes de travail" in client.get("/forum/").content.decode()
    assert "<h1>The working groups" in client.get("/en/forum/").content.decode()


def test_the_demo_loader_fills_each_working_groups_forum_once(forum_world):
    from machina.apps.forum_conversation.models import Topic

    from musenor.plugins.forum.demo import DEMO_TOPICS, load_demo

    out = io.StringIO()
    load_demo(seed=1, stdout=out)
    assert "2 working groups' forums" in out.getvalue()
    forum = forum_world["mediation_forum"]
    assert forum.topics.count() == len(DEMO_TOPICS)
    assert forum.topics.first().poster == forum_world["alice"]
    load_demo(seed=1, stdout=io.StringIO())
    assert Topic.objects.filter(forum=forum).count() == len(DEMO_TOPICS)


@pytest.mark.slow
def test_a_new_demo_site_has_topics_in_every_forum(demo_database):
    """``manage.py load_demo`` on an empty site: the demo administrator signs the topics
    (no member exists yet), so no forum of the first demo is empty."""
    from machina.apps.forum.models import Forum

    from musenor.plugins.forum.demo import DEMO_TOPICS

    assert "Forum: 5 working groups' forums, 15 topics created." in demo_database
    forums = Forum.objects.filter(type=Forum.FORUM_POST)
    assert forums.count() == 5
    assert {forum.topics.count() for forum in forums} == {len(DEMO_TOPICS)}


def test_a_moved_topic_is_searched_with_its_new_forum(forum_world):
    forum, other = forum_world["mediation_forum"], forum_world["inventory_forum"]
    topic = start_topic(forum_world["alice"], forum, "Logiciel d'inventaire", "Quel logiciel ?")
    chloe = client_for(forum_world["chloe"])
    assert "Logiciel d" not in chloe.get("/recherche/", {"q": "logiciel"}).content.decode()
    topic.forum = other
    topic.save()
    assert "Logiciel d" in chloe.get("/recherche/", {"q": "logiciel"}).content.decode()
