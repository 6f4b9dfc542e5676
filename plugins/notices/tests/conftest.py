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
