"""``python3 dev.py loadtest``: serve a copy of the demo in production and load it with wrk.

Not a test: a command run by hand that prints numbers (``docs/security.md``,
"The load run"). ``dev.py`` imports it when the command is asked for; it uses
``dev.py``'s helpers (the virtualenv, ``manage``, ``run``) and nothing else of
the project's.
"""

import json
import os
import secrets
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

from dev import (
    HOST,
    PRODUCTION_SETTINGS,
    PYTHON,
    ROOT,
    ensure_venv,
    manage,
    project_env,
    say,
)

LOAD_SCRIPT = ROOT / "tests" / "load" / "report.lua"
# The SQLite database of `python3 dev.py demo` (in MUSENOR_VAR_DIR when it is set).
DEMO_DATABASE = Path(os.environ.get("MUSENOR_VAR_DIR") or ROOT / "var") / "musenor.sqlite3"
# The production environment of the load run, besides the database and the
# folders: add here what production comes to require (or pass --env NAME=VALUE).
LOADTEST_ENV = {
    "ALLOWED_HOSTS": HOST,
    "LOG_LEVEL": "WARNING",
    # Production wants an explicit mail backend; nothing is sent during the run.
    "EMAIL_BACKEND": "django.core.mail.backends.smtp.EmailBackend",
    "EMAIL_HOST": HOST,
}
# The proxy in front of production says the request came over HTTPS; with it,
# production's HTTPS redirect stays on and the site answers as it would there.
LOADTEST_HEADERS = {"X-Forwarded-Proto": "https"}
LOADTEST_LIMITS = {"connections": 512, "duration": 600}

# Which pages are loaded: found in the database, so that the demo's slugs may change.
LOADTEST_TARGETS = """
import json
from urllib.parse import urlencode
from django.urls import reverse
from musenor.pages.exhibitions.models import ExhibitionPage
from musenor.pages.museums.models import MuseumIndexPage
def first(model):
    page = model.objects.live().public().filter(locale__language_code="fr").order_by("path").first()
    return page.get_url() if page else None
print(json.dumps({
    "home": "/",
    "directory": first(MuseumIndexPage),
    "exhibition": first(ExhibitionPage),
    "search": reverse("search") + "?" + urlencode({"q": "musée"}),
}))
"""


def wait_for_server(url, headers, seconds=120):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        request = urllib.request.Request(url, headers=headers)  # noqa: S310 - loopback only
        try:
            with urllib.request.urlopen(request, timeout=5) as response:  # noqa: S310
                return response.status
        except urllib.error.HTTPError as error:
            return error.code
        except OSError:
            time.sleep(0.5)
    return None


def loadtest_report(results, duration):
    rows = []
    total = {"requests": 0, "errors": 0}
    for name, (url, figures) in results.items():
        errors = sum(figures[key] for key in ("connect", "read", "write", "status", "timeout"))
        seconds = figures["duration_us"] / 1e6 or duration
        rows.append(
            (
                name,
                url,
                figures["requests"],
                errors,
                figures["requests"] / seconds,
                *(figures[key] / 1000 for key in ("p50", "p95", "p99")),
            )
        )
        total["requests"] += figures["requests"]
        total["errors"] += errors
    print()
    print(
        f"{'page':<11} {'requests':>8} {'errors':>6} {'req/s':>7} {'p50 ms':>8} "
        f"{'p95 ms':>8} {'p99 ms':>8}  url"
    )
    for name, url, count, errors, rate, p50, p95, p99 in rows:
        print(
            f"{name:<11} {count:>8} {errors:>6} {rate:>7.1f} {p50:>8.0f} {p95:>8.0f} "
            f"{p99:>8.0f}  {url}"
        )
    rate = sum(row[4] for row in rows)
    print(f"{'all':<11} {total['requests']:>8} {total['errors']:>6} {rate:>7.1f}")
    print(
        "(errors: connection, read, write and time-out errors, and answers of status 400 or more)"
    )
    return total["errors"]


def cmd_loadtest(args):
    """Serve a copy of the demo with production settings under gunicorn and load it with wrk."""
    wrk = shutil.which("wrk")
    if wrk is None:
        sys.exit("dev.py: wrk is not installed: apt-get install wrk")
    for name, limit in LOADTEST_LIMITS.items():
        if not 0 < getattr(args, name) <= limit:
            sys.exit(f"dev.py: --{name} must be between 1 and {limit}")
    ensure_venv()
    work = Path(tempfile.mkdtemp(prefix="musenor-loadtest-"))
    database = work / "musenor.sqlite3"
    environment = {
        **LOADTEST_ENV,
        "SECRET_KEY": secrets.token_urlsafe(50),
        "MUSENOR_VAR_DIR": str(work),
        "DATABASE_URL": f"sqlite:///{database}",
    }
    for assignment in args.env:
        name, _, value = assignment.partition("=")
        environment[name] = value
    env = project_env(PRODUCTION_SETTINGS, **environment)
    if DEMO_DATABASE.exists() and not args.fresh:
        say(f"Copying the demo database {DEMO_DATABASE} to {work}")
        shutil.copy2(DEMO_DATABASE, database)
        manage("migrate", "--noinput", "--verbosity", "0", env=env)
    else:
        say(f"Building the demo database in {work} (python3 dev.py demo keeps one in var/)")
        manage("migrate", "--noinput", "--verbosity", "0", env=env)
        subprocess.run(
            [PYTHON, ROOT / "manage.py", "load_demo"],
            cwd=ROOT,
            env=env,
            check=True,
            stdout=subprocess.DEVNULL,
        )
    say("Collecting the static files (production storage: compressed, hashed names)")
    manage("collectstatic", "--noinput", "--verbosity", "0", env=env)
    targets = json.loads(
        subprocess.run(
            [PYTHON, ROOT / "manage.py", "shell", "--no-imports", "-c", LOADTEST_TARGETS],
            cwd=ROOT,
            env=env,
            check=True,
            capture_output=True,
            text=True,
        )
        .stdout.strip()
        .splitlines()[-1]
    )
    missing = [name for name, url in targets.items() if not url]
    if missing:
        sys.exit(f"dev.py: the demo database has no live page for: {', '.join(missing)}")
    base = f"http://{HOST}:{args.port}"
    say(f"Serving it with gunicorn ({args.workers} workers) on {base}")
    log = open(work / "gunicorn.log", "w")  # noqa: SIM115 - closed below
    server = subprocess.Popen(
        [
            PYTHON,
            "-m",
            "gunicorn",
            "musenor.site.wsgi:application",
            "--bind",
            f"{HOST}:{args.port}",
            "--workers",
            str(args.workers),
            "--error-logfile",
            "-",
        ],
        cwd=ROOT,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    code = 0
    try:
        wait_for_server(base + "/", LOADTEST_HEADERS)
        for path in targets.values():
            status = wait_for_server(base + path, LOADTEST_HEADERS, seconds=10)
            if status != 200:
                sys.exit(f"dev.py: {path} answered {status}: see {work / 'gunicorn.log'}")
        share, extra = divmod(args.connections, len(targets))
        say(
            f"Loading {len(targets)} pages at {args.connections} connections in all "
            f"for {args.duration} s"
        )
        runs = {}
        for i, (name, path) in enumerate(targets.items()):
            connections = share + (1 if i < extra else 0)
            if not connections:
                continue
            headers = [part for k, v in LOADTEST_HEADERS.items() for part in ("-H", f"{k}: {v}")]
            command = [
                wrk,
                "--threads",
                "1",
                "--connections",
                str(connections),
                "--duration",
                f"{args.duration}s",
                "--timeout",
                f"{args.timeout}s",
                "--script",
                LOAD_SCRIPT,
                *headers,
                base + path,
            ]
            runs[name] = (path, subprocess.Popen(command, stdout=subprocess.PIPE, text=True))
        results = {}
        for name, (path, process) in runs.items():
            output = process.communicate()[0]
            results[name] = (path, json.loads(output.strip().splitlines()[-1]))
        code = 1 if loadtest_report(results, args.duration) else 0
    finally:
        server.terminate()
        server.wait(timeout=30)
        log.close()
        if args.keep:
            say(f"Kept {work} (database, static files, gunicorn.log)")
        else:
            shutil.rmtree(work, ignore_errors=True)
    return code
