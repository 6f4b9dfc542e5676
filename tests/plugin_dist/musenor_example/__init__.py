"""An example third-party plugin of the Musenor portal: short notes.

It uses only the public plugin API (``musenor.plugins``) and the search
providers' protocol (``musenor.search.providers``), as any plugin should.
"""
