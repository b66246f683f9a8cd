"""The project's Python: the rules, the MkDocs plugins and the command line of the DOM site.

Installed into the project's virtual environment with ``pip install --no-deps -e .``
(``make setup`` does it), so the build, the command line and the tests import one copy.
"""
