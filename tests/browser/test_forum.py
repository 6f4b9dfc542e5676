"""The forum plugin in Chromium: axe-core on every screen a member or a moderator
uses, and an XSS corpus posted by a member that stays inert in a moderator's browser.

Skipped when the forum plugin is not enabled (``MUSENOR_PLUGINS`` without it).
"""

import io
import json
from pathlib import Path

import pytest
from django.apps import apps
from django.conf import settings
from django.test import Client
from django.urls import reverse
from xss_probes import LISTENER, SCAN

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(
        not apps.is_installed("musenor.plugins.forum"), reason="the forum plugin is not enabled"
    ),
]

CORPUS = json.loads(Path(__file__).with_name("xss_corpus.json").read_text(encoding="utf-8"))
PASSWORD = "a long enough passphrase"
MANAGEMENT = {
    "attachment-TOTAL_FORMS": 0,
    "attachment-INITIAL_FORMS": 0,
    "poll-TOTAL_FORMS": 0,
    "poll-INITIAL_FORMS": 0,
}


def make_member(email, first_name, groups=()):
    from django.contrib.auth import get_user_model

    user = get_user_model().objects.create_user(
        email=email, password=PASSWORD, first_name=first_name, last_name="Essai"
    )
    user.groups.add(*groups)
    return user


def signed_in(page, live_server, user):
    """Give the browser ``user``'s session (as after signing in)."""
    client = Client()
    client.force_login(user)
    cookie = client.cookies[settings.SESSION_COOKIE_NAME]
    page.context.add_cookies(
        [{"name": settings.SESSION_COOKIE_NAME, "value": cookie.value, "url": live_server.url}]
    )
    return client


def post(client, url, data, files=None):
    response = client.post(url, {**MANAGEMENT, **data, **(files or {})})
    assert response.status_code == 302, response.content.decode()[:500]
    return response


@pytest.fixture
def forum_world(home):
    from django.contrib.auth.models import Group

    from musenor.plugins.roles import MODERATOR, ROLES
    from musenor.site.accounts.models import WorkingGroup

    moderators = Group.objects.create(name=ROLES[MODERATOR])
    group = WorkingGroup.objects.create(name="Médiation", description="Les publics")
    forum = group.group.musenor_forum_link.forum
    return {
        "forum": forum,
        "group": group,
        "alice": make_member("alice@example.org", "Alice", [group.group]),
        "bruno": make_member("bruno@example.org", "Bruno", [group.group]),
        "moderator": make_member("mod@example.org", "Modeste", [moderators]),
    }


def topic_url(topic):
    return reverse(
        "forum_conversation:topic", args=[topic.forum.slug, topic.forum_id, topic.slug, topic.pk]
    )


def test_every_forum_screen_passes_axe(
    live_server, forum_world, new_page, check_accessibility, tmp_path, settings
):
    settings.MUSENOR_PLUGIN_SETTINGS = {"forum": {"ATTACHMENTS_ROOT": tmp_path}}
    forum, alice, bruno = forum_world["forum"], forum_world["alice"], forum_world["bruno"]
    page = new_page()
    client = signed_in(page, live_server, alice)
    pdf = io.BytesIO(b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n")
    pdf.name = "ordre-du-jour.pdf"
    post(
        client,
        reverse("forum_conversation:topic_create", args=[forum.slug, forum.pk]),
        {
            "subject": "Réunion de rentrée",
            "content": "Quel jour vous convient ?\n\n- lundi\n- jeudi",
            "topic_type": 0,
            "poll_question": "Quel jour ?",
            "poll_max_options": 1,
            "poll-TOTAL_FORMS": 2,
            "poll-0-text": "Lundi",
            "poll-1-text": "Jeudi",
            "attachment-TOTAL_FORMS": 1,
            "attachment-0-file": pdf,
        },
    )
    topic = forum.topics.get()
    reply_url = reverse(
        "forum_conversation:post_create", args=[forum.slug, forum.pk, topic.slug, topic.pk]
    )
    post(client, reply_url, {"subject": "Re: réunion", "content": "Jeudi me va."})
    reply = topic.posts.get(subject="Re: réunion")
    # One post awaiting approval, for the moderation queue.
    reply.approved = False
    reply.save()

    screens = {
        "index": reverse("forum:index"),
        "forum": reverse("forum:forum", args=[forum.slug, forum.pk]),
        "topic, poll vote and attachments": topic_url(topic),
        "poll results": topic_url(topic) + "?view_results=true",
        "new topic": reverse("forum_conversation:topic_create", args=[forum.slug, forum.pk]),
        "reply": reply_url,
        "quote": f"{reply_url}?quote={topic.first_post.pk}",
        "edit": reverse(
            "forum_conversation:topic_update", args=[forum.slug, forum.pk, topic.slug, topic.pk]
        ),
        "unread topics": reverse("forum_tracking:unread_topics"),
        "subscriptions": reverse("musenor_forum:subscriptions"),
        "my posts": reverse("forum_member:user_posts", args=[alice.pk]),
    }
    for label, url in screens.items():
        page.goto(live_server.url + url)
        assert page.locator("main h1").count() == 1, label
        check_accessibility(page, label)

    # A reply previewed, with a form error (the subject left empty).
    page.goto(live_server.url + reply_url)
    page.locator("#id_content").fill("Un **aperçu**")
    page.locator("button[name=preview]").click()
    page.wait_for_url(f"**{reply_url}")
    check_accessibility(page, "reply preview")

    moderator_page = new_page()
    signed_in(moderator_page, live_server, forum_world["moderator"])
    for label, url in {
        "moderation queue": reverse("forum_moderation:queue"),
        "queued post": reverse("forum_moderation:queued_post", args=[reply.pk]),
        "lock": reverse("forum_moderation:topic_lock", args=[topic.slug, topic.pk]),
        "move": reverse("forum_moderation:topic_move", args=[topic.slug, topic.pk]),
    }.items():
        moderator_page.goto(live_server.url + url)
        assert moderator_page.locator("main h1").count() == 1, label
        check_accessibility(moderator_page, label)

    # Bruno votes in the poll from the topic page.
    bruno_page = new_page()
    signed_in(bruno_page, live_server, bruno)
    bruno_page.goto(live_server.url + topic_url(topic))
    bruno_page.get_by_label("Jeudi").check()
    bruno_page.locator(".forum-poll button[type=submit]").click()
    bruno_page.wait_for_url(f"**{topic_url(topic)}**")
    check_accessibility(bruno_page, "after voting")
    assert topic.poll.options.get(text="Jeudi").votes.filter(voter=bruno).exists()


def test_xss_corpus_posted_by_a_member_is_inert_in_a_moderators_browser(
    live_server, forum_world, new_page
):
    forum, alice = forum_world["forum"], forum_world["alice"]
    client = Client()
    client.force_login(alice)
    payloads = [entry["payload"].replace("NUM", str(n)) for n, entry in enumerate(CORPUS, 1)]
    assert len(payloads) >= 30
    post(
        client,
        reverse("forum_conversation:topic_create", args=[forum.slug, forum.pk]),
        {"subject": "Corpus " + payloads[0][:40], "content": payloads[0], "topic_type": 0},
    )
    topic = forum.topics.get()
    reply_url = reverse(
        "forum_conversation:post_create", args=[forum.slug, forum.pk, topic.slug, topic.pk]
    )
    # Each payload alone in a post (as a member would paste it), then all of them
    # in one post, inside Markdown links and images too.
    for n, payload in enumerate(payloads[1:], 2):
        post(client, reply_url, {"subject": f"xss {n}", "content": payload})
    wrapped = "\n\n".join(f"[lien {n}]({p}) ![image {n}]({p}) {p}" for n, p in enumerate(payloads))
    post(client, reply_url, {"subject": "Tout le corpus", "content": wrapped})
    # The moderator also sees them in the queue and the search.
    last = topic.posts.order_by("-pk").first()
    last.approved = False
    last.save()

    page = new_page()
    page.add_init_script(LISTENER)
    dialogs = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    signed_in(page, live_server, forum_world["moderator"])
    urls = [topic_url(topic) + f"?page={number}" for number in range(1, 7)]
    urls += [
        reverse("forum_moderation:queue"),
        reverse("forum_moderation:queued_post", args=[last.pk]),
        reverse("forum:forum", args=[forum.slug, forum.pk]),
        "/recherche/?q=xss",
    ]
    rendered_posts = 0
    for url in urls:
        response = page.goto(live_server.url + url)
        if response.status == 404:  # past the topic's last page
            continue
        assert response.status == 200, url
        rendered_posts += page.locator("article.forum-post").count()
        assert page.evaluate(SCAN) == [], url
        assert page.evaluate("window.__xssHits") == [], url
    assert dialogs == []
    assert rendered_posts >= len(payloads)
    print(f"{len(payloads)} payloads in {rendered_posts} rendered posts on {len(urls)} pages")


def test_an_invited_member_signs_in_posts_and_a_colleague_is_mailed_and_search_finds_it(
    live_server, forum_world, new_page, check_accessibility
):
    """The issue's end-to-end flow, in Chromium against the live server."""
    import re

    from django.core import mail

    from musenor.plugins.forum.models import ForumSubscription
    from musenor.site.members.membership import invite
    from musenor.site.members.models import Invitation

    forum, group, bruno = forum_world["forum"], forum_world["group"], forum_world["bruno"]
    # Bruno, already a member of the group, follows its forum.
    ForumSubscription.objects.create(user=bruno, forum=forum)
    mail.outbox.clear()

    # Staff invite Dominique into the working group.
    invitation = Invitation(email="dominique@example.org", first_name="Dominique", last_name="Neuf")
    invite(invitation)
    invitation.working_groups.add(group)
    [invitation_mail] = mail.outbox
    accept_url = re.search(r"https?://\S+/invitation/\S+/", invitation_mail.body).group(0)
    accept_path = "/" + accept_url.split("/", 3)[3]

    # Dominique opens the link and chooses a password: the account exists.
    page = new_page()
    page.goto(live_server.url + accept_path)
    page.locator("input[name=new_password1]").fill("Un mot de passe assez long 2026")
    page.locator("input[name=new_password2]").fill("Un mot de passe assez long 2026")
    page.locator("form.account-form button[type=submit]").click()
    page.wait_for_url("**/membres/")

    # Later, in a fresh browser, the forum asks them to sign in, then opens.
    page = new_page()
    page.goto(live_server.url + "/forum/")
    page.wait_for_url("**/membres/connexion/**")
    page.locator("input[name=username]").fill("dominique@example.org")
    page.locator("input[name=password]").fill("Un mot de passe assez long 2026")
    page.locator("form.account-form button[type=submit]").click()
    page.wait_for_url(f"{live_server.url}/forum/")
    check_accessibility(page, "forum index after sign-in")

    # They post a new topic in their group's forum.
    page.get_by_role("link", name="Médiation").first.click()
    page.get_by_role("link", name="Nouveau sujet").first.click()
    page.locator("#id_subject").fill("Ateliers pour les tout-petits")
    page.locator("#id_content").fill("Qui a déjà organisé des ateliers *kamishibaï* ?")
    page.get_by_role("button", name="Publier").click()
    page.wait_for_url("**/topic/**")
    assert page.locator("main h1").inner_text() == "Ateliers pour les tout-petits"

    # Bruno is mailed the post (and Dominique is not mailed their own).
    notifications = [message for message in mail.outbox if message is not invitation_mail]
    assert [message.to for message in notifications] == [[bruno.email]]
    assert "kamishibaï" in notifications[0].body
    assert "List-Unsubscribe" in notifications[0].extra_headers

    # The site search finds the post for Dominique.
    page.goto(live_server.url + "/recherche/?q=kamishiba%C3%AF")
    hit = page.get_by_role("link", name="Ateliers pour les tout-petits")
    assert hit.count() == 1
    hit.click()
    page.wait_for_url("**/topic/**")
