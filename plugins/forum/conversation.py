"""Quoting a post in a reply: what machina's reply view lacks.

``QuotingPostCreateView`` is machina's ``PostCreateView`` whose form starts,
when the address carries ``?quote=<post id>``, with that post of the same
topic quoted in Markdown (``> …``) and its author named. urls.py mounts it at
machina's own reply address, so that machina's links reach it.
"""

from django.utils.translation import gettext as _
from machina.apps.forum_conversation.views import PostCreateView
from machina.apps.forum_member.shortcuts import get_forum_member_display_name


def quote_markdown(post):
    author = get_forum_member_display_name(post.poster) if post.poster else post.username
    quoted = "\n".join(f"> {line}" if line else ">" for line in post.content.raw.splitlines())
    return _("%(author)s wrote:") % {"author": author} + f"\n\n{quoted}\n\n"


class QuotingPostCreateView(PostCreateView):
    def quoted_post(self):
        value = self.request.GET.get("quote", "")
        if not value.isdigit():
            return None
        return self.get_topic().posts.filter(pk=int(value), approved=True).first()

    def get_post_form_kwargs(self):
        kwargs = super().get_post_form_kwargs()
        if self.request.method == "GET":
            quoted = self.quoted_post()
            if quoted is not None:
                kwargs["initial"] = {"content": quote_markdown(quoted)}
        return kwargs
