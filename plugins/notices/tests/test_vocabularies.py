"""Reference tables: seeded with real values, unknown values kept for review, merges relink."""

import pytest
from django.urls import reverse

from musenor.plugins.notices.factories import make_record, make_term
from musenor.plugins.notices.models import (
    VOCABULARIES,
    Domain,
    LegalStatus,
    Record,
    Technique,
    TermStatus,
    term_key,
)
from musenor.plugins.notices.vocabularies import seed_values, seed_vocabularies

pytestmark = pytest.mark.django_db


def link(record, *terms):
    # A ParentalManyToManyField changes in memory until the record is saved.
    record.techniques.add(*terms)
    record.save()


def test_matching_ignores_case_accents_spacing_and_final_dots():
    assert term_key("Huile sur toile.") == term_key("huile  sur TOILE") == "huile sur toile"
    assert term_key("Céramique") == term_key("ceramique")
    assert term_key("huile/toile") != term_key("huile sur toile")


def test_every_vocabulary_is_seeded_by_the_migrations():
    for vocabulary in VOCABULARIES:
        assert vocabulary.objects.validated().exists(), vocabulary
    assert set(Domain.objects.values_list("label", flat=True)) == set(seed_values()["domain"])
    # Running the seed again adds nothing.
    assert seed_vocabularies() == 0


def test_an_unknown_value_is_kept_as_written_for_review():
    known = Technique.objects.get(key="huile sur toile")
    terms, created = Technique.resolve(["Huile sur toile.", "peinture sur verre églomisé", ""])
    assert terms[0] == known
    assert [t.label for t in created] == ["peinture sur verre églomisé"]
    assert created[0].status == TermStatus.TO_REVIEW
    # The same spelling again finds the entry it created.
    assert Technique.resolve(["Peinture sur verre eglomise"])[0] == [created[0]]


def test_merging_relinks_every_record_and_learns_the_spelling(museum):
    target = make_term(Technique, "huile sur toile")
    variant = Technique.objects.create(label="h/t", status=TermStatus.TO_REVIEW)
    records = [make_record(museum, needs_review=True) for _ in range(3)]
    link(records[0], variant)
    link(records[1], variant, target)
    link(records[2], target)
    assert variant.merge_into(target) == 2
    assert not Technique.objects.filter(pk=variant.pk).exists()
    for record in records:
        assert list(Record.objects.get(pk=record.pk).techniques.all()) == [target]
    target.refresh_from_db()
    assert "h/t" in target.variants
    assert Technique.resolve(["H/T"])[0] == [target]
    # Nothing left to review on the relinked records: the flag goes.
    assert not Record.objects.filter(pk__in=[r.pk for r in records[:2]], needs_review=True)


def test_merging_a_legal_status_relinks_the_records(museum):
    target = LegalStatus.objects.get(key=term_key("propriété de la commune"))
    variant = LegalStatus.objects.create(label="Propriete commune", status=TermStatus.TO_REVIEW)
    record = make_record(museum, legal_status=variant)
    assert variant.merge_into(target) == 1
    record.refresh_from_db()
    assert record.legal_status == target


def test_staff_merge_from_the_admin(client, staff_user, museum):
    variant = Technique.objects.create(label="huile/toile", status=TermStatus.TO_REVIEW)
    target = Technique.objects.get(key="huile sur toile")
    record = make_record(museum)
    link(record, variant)
    client.force_login(staff_user)
    listing = client.get(reverse("notices_technique:list"), {"status": "to_review"})
    assert "huile/toile" in listing.text
    assert "Hêtre" not in listing.text
    merge_url = reverse("notices_technique:merge", args=[variant.pk])
    assert merge_url in listing.text
    page = client.get(merge_url)
    assert page.status_code == 200
    response = client.post(merge_url, {"target": target.pk})
    assert response.status_code == 302
    assert list(Record.objects.get(pk=record.pk).techniques.all()) == [target]


def test_editors_cannot_merge(client, editors, museum):
    variant = Technique.objects.create(label="huile/toile", status=TermStatus.TO_REVIEW)
    target = Technique.objects.get(key="huile sur toile")
    client.force_login(editors[0])
    response = client.post(
        reverse("notices_technique:merge", args=[variant.pk]), {"target": target.pk}
    )
    assert response.status_code in (302, 403)
    assert Technique.objects.filter(pk=variant.pk).exists()
