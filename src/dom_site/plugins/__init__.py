"""The project's MkDocs plugins, registered as entry points in pyproject.toml."""
from __future__ import annotations

from pathlib import Path
from typing import Any, TypeVar

import yaml
from mkdocs.config import config_options as c
from mkdocs.config.base import Config, ValidationError
from mkdocs.config.defaults import MkDocsConfig

from dom_site import source

SomeConfig = TypeVar("SomeConfig", bound=Config)


class Entries(c.SubConfig[SomeConfig]):
    """A SubConfig that refuses a name it does not know (`not_agred:` under a page of dom-status).

    MkDocs keeps an unknown name in a SubConfig as a warning, and inside a DictOfItems or
    ListOfItems that warning is lost: MkDocs gives the outer option a new warning list before
    it validates, and the SubConfig still writes to the old one. So a misspelt optional
    setting did nothing and said nothing (the page silently lost "Nog niet ingestemd: …").
    An error is never lost, and the misspelling is said before the required setting it
    leaves missing (`knd:` is one mistake, not "kind is missing").
    """

    def __init__(self, config_class: type[SomeConfig]) -> None:
        super().__init__(config_class)
        self.config_class = config_class  # SubConfig keeps it only when it is not subclassed

    def run_validation(self, value: object) -> SomeConfig:
        if isinstance(value, dict):
            known = {name for name, _ in self.config_class._schema}
            for key in value:
                if key not in known:
                    raise ValidationError(f"Sub-option '{key}': Unrecognised configuration name: {key}")
        return super().run_validation(value)


def setting_line(config: MkDocsConfig, plugin: str, *keys: Any) -> tuple[str, int]:
    """Where a message about a plugin's setting points: mkdocs.yml and the line of
    `plugins → - plugin: → keys` (the deepest part written there; 1 when mkdocs.yml cannot be read).

    Plugins without a `plugin` ("" as plugin) name a top-level key: setting_line(config, "", "markdown_extensions").
    """
    return setting_line_in(Path(config.config_file_path or "mkdocs.yml"), plugin, *keys)


def setting_line_in(file: Path, plugin: str, *keys: Any, holding: str | None = None) -> tuple[str, int]:
    """setting_line of the config file `file` (it need not load); with `holding`, the line inside
    that setting that holds this value, where there is one (a refused value in a nested setting)."""
    try:
        # Composed, not loaded: !ENV and the python tags stay unresolved, only the lines count.
        root = source.compose(file.read_text("utf-8"))
    except (OSError, yaml.YAMLError):
        return file.name, 1
    path: list[Any] = list(keys)
    if plugin:
        found = source.entry(root, "plugins")
        path = ["plugins"]
        if found and isinstance(found[1], yaml.MappingNode):  # MkDocs also takes `plugins:` as a mapping
            path = ["plugins", plugin, *keys]
        items = found[1].value if found and isinstance(found[1], yaml.SequenceNode) else []
        for index, item in enumerate(items):
            # `- name:` with settings, or only `- name`
            if source.entry(item, plugin) is not None or (isinstance(item, yaml.ScalarNode) and item.value == plugin):
                path = ["plugins", index, plugin, *keys]
                break
    line, node = source.node_at(root, path)
    held = _holding(node, holding) if holding is not None else None
    return file.name, held or line


def _holding(node: yaml.Node | None, value: str) -> int | None:
    """The line of the first scalar in node (depth first) whose value is `value`."""
    return next((found.start_mark.line + 1 for found in source.walk(node)
                 if isinstance(found, yaml.ScalarNode) and found.value == value), None)
