from django_tasks import task

from .mailing import send_issue_to_subscribers


@task()
def send_issue(issue_id, base_url):
    """Send an issue to its subscribers in batches (see ``send_issue_to_subscribers``)."""
    return send_issue_to_subscribers(issue_id, base_url=base_url)
