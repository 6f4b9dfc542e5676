from django.http import Http404
from wagtail import hooks

from .pages import is_switched_off


@hooks.register("before_serve_page")
def refuse_switched_off_pages(page, request, serve_args, serve_kwargs):
    """A page of a switched-off plugin's type answers 404, as its URLs do."""
    if is_switched_off(page):
        raise Http404
