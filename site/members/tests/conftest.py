import re

import pytest
from django.contrib.auth import get_user_model

PASSWORD = "un mot de passe solide 2026"


@pytest.fixture
def member(db, home):
    """A signed-up member (the members' role group), e-mail anne.lefebvre@musenor.test."""
    from musenor.site.members.membership import member_group

    user = get_user_model().objects.create_user(
        email="anne.lefebvre@musenor.test",
        password=PASSWORD,
        first_name="Anne",
        last_name="Lefebvre",
    )
    user.groups.add(member_group())
    return user


@pytest.fixture
def staff(db, home):
    """An account of the association's staff (the role group given by setup_roles)."""
    from django.contrib.auth.models import Group

    from musenor.plugins.roles import ROLES, STAFF, setup_roles

    setup_roles()
    user = get_user_model().objects.create_user(
        email="equipe@musenor.test", password=PASSWORD, first_name="Élise", last_name="Martin"
    )
    user.groups.add(Group.objects.get(name=ROLES[STAFF]))
    return user


@pytest.fixture
def museum(directory):
    from musenor.pages.museums.factories import make_museum

    return make_museum(directory, title="Palais des Beaux-Arts", city="Lille")


def link_in(message, pattern=r"https?://[^\s\"<>]+"):
    """The first link of a sent mail's text body (the path and query, to open with the client)."""
    url = re.search(pattern, message.body).group(0)
    return re.sub(r"^https?://[^/]+", "", url)


def comparable(response):
    """The page without what legitimately differs between two answers: CSRF tokens."""
    html = response.content.decode()
    return re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "", html)
