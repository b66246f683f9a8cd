"""What the hooks of one build share.

MkDocs loads every hook file as its own module, so a hook that imports another
hook gets a second copy with its own variables. The package is imported once:
citations.py records here what it rendered, citation_data.py reads it.
"""
from __future__ import annotations

from dom_site.citation_formats import Citation
from dom_site.unit_history import History

# Per language, per ID: the citation its cite bar carries (and its download files say).
cited: dict[str, dict[str, Citation]] = {"nl": {}, "en": {}}
# Per language, per ID: the unit's history.
histories: dict[str, dict[str, History]] = {}
