"""The project's MkDocs plugins, registered as entry points in pyproject.toml."""
from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml
from mkdocs.config.defaults import MkDocsConfig

from dom_site import source


def setting_line(config: MkDocsConfig, plugin: str, *keys: Any) -> tuple[str, int]:
    """Where a message about a plugin's setting points: mkdocs.yml and the line of
    `plugins → - plugin: → keys` (the deepest part written there; 1 when mkdocs.yml cannot be read).

    Plugins without a `plugin` ("" as plugin) name a top-level key: setting_line(config, "", "markdown_extensions").
    """
    file = Path(config.config_file_path or "mkdocs.yml")
    try:
        # Composed, not loaded: !ENV and the python tags stay unresolved, only the lines count.
        root = source.compose(file.read_text("utf-8"))
    except (OSError, yaml.YAMLError):
        return file.name, 1
    if not plugin:
        return file.name, source.line_of(root, keys)
    found = source.entry(root, "plugins")
    if found and isinstance(found[1], yaml.MappingNode):  # MkDocs also takes `plugins:` as a mapping
        return file.name, source.line_of(root, ["plugins", plugin, *keys])
    items = found[1].value if found and isinstance(found[1], yaml.SequenceNode) else []
    for index, item in enumerate(items):
        if source.entry(item, plugin) is not None:
            return file.name, source.line_of(root, ["plugins", index, plugin, *keys])
    return file.name, source.line_of(root, ["plugins"])
