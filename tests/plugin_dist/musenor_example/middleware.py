"""A middleware the plugin declares (``ExampleConfig.middleware``): it marks every response."""


class ExampleHeaderMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response["X-Musenor-Example"] = "on"
        return response
