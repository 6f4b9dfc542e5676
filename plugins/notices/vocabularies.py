"""The seed of the reference tables: real values, from ``data/vocabularies.json``.

Run by the migration ``0002_seed_vocabularies`` and again by the demo; it only
adds what is missing (matched on the key), so staff's corrections stay.
"""

import json
from pathlib import Path

SEED_FILE = Path(__file__).resolve().parent / "data" / "vocabularies.json"


def seed_values():
    """``{model name: [labels]}`` from the seed file."""
    data = json.loads(SEED_FILE.read_text(encoding="utf-8"))
    return {name: labels for name, labels in data.items() if not name.startswith("_")}


def seed_vocabularies(apps=None):
    """Add the seed entries each vocabulary lacks; returns how many were added."""
    from django.apps import apps as global_apps

    from .models import term_key

    apps = apps or global_apps
    added = 0
    for model_name, labels in seed_values().items():
        model = apps.get_model("musenor_notices", model_name)
        known = set(model.objects.values_list("key", flat=True))
        new = []
        for label in labels:
            key = term_key(label)
            if key not in known:
                known.add(key)
                new.append(model(label=label, key=key, status="validated", variants=[]))
        model.objects.bulk_create(new)
        added += len(new)
    return added
