"""Pages under /accounts/ belong to one visitor: no cache, shared or private, may keep them."""

from django.utils.cache import add_never_cache_headers, patch_cache_control

PREFIX = "/accounts/"


class PrivatePagesMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if request.path.startswith(PREFIX):
            add_never_cache_headers(response)
            patch_cache_control(response, private=True)
        return response
