"""A release's mkdocs.yml, as `dom-site editions` (dom_site.frozen) rewrites it to build that release's frozen edition.

The edition is built from the release's own commit; only these settings change:
its pages are dated on the release day, and the edition's version, date and live
address go in quoted, in place of their `!ENV`s (`!ENV` gives YAML's types: 1.10
would read as the number 1.1).
"""
from __future__ import annotations

import json
import re

# The git date plugin that editions up to 1.0 name (it printed the build date on an exported tree).
OLD_DATE_PLUGIN = re.compile(r"^  - git-revision-date-localized:\n(?:^(?:    .*)?\n)*", re.M)


def with_release_date(config_text: str, release_date: str) -> str:
    """The edition's mkdocs.yml with its pages dated on the release day."""
    plugin = f'  - dom-datums:\n      release_date: "{release_date}"\n'
    if "  - dom-datums" in config_text:
        return re.sub(r"^  - dom-datums\b.*\n(?:^    .*\n)*", plugin, config_text, flags=re.M)
    replaced, count = OLD_DATE_PLUGIN.subn(plugin, config_text)
    return replaced if count else config_text.replace("\nplugins:\n", "\nplugins:\n" + plugin, 1)


def with_edition(config_text: str, values: dict[str, str]) -> str:
    """The edition's mkdocs.yml with each `!ENV [NAME, ...]` of these variables replaced by its value, quoted."""
    for name, value in values.items():
        # json.dumps quotes and escapes the value; re.sub would read its backslashes again: doubled.
        quoted = json.dumps(value).replace("\\", "\\\\")
        config_text = re.sub(rf"!ENV\s*\[\s*{name}\s*(?:,[^\]\n]*)?\]", quoted, config_text)
    return config_text
