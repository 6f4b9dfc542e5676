import pytest


@pytest.fixture
def museums(directory):
    from musenor.pages.museums.factories import make_museum

    return (
        make_museum(directory, title="Musée de la Chartreuse", city="Douai"),
        make_museum(directory, title="Musée de Picardie", city="Amiens", department="80"),
    )


@pytest.fixture
def museum(museums):
    return museums[0]


@pytest.fixture
def roles(museums):
    """The role groups with their permissions, the notices plugin's included."""
    from django.core.management import call_command

    call_command("setup_roles", stdout=None)


def _user(email, *groups, **extra):
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group

    user = get_user_model().objects.create_user(email=email, password="pw", **extra)
    user.groups.add(*(Group.objects.get(name=name) for name in groups))
    return user


@pytest.fixture
def editors(roles, museums):
    """One editor per museum, in the group the core created with the museum."""
    return tuple(
        _user(f"editeur{n}@musee.test", f"Éditeurs – {m.title}") for n, m in enumerate(museums)
    )


@pytest.fixture
def staff_user(roles):
    return _user("equipe@musenor.test", "Équipe de l’association")
