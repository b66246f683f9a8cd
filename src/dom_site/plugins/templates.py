"""MkDocs plugin `dom-sjablonen`: each theme template is compiled once, not once per language.

    plugins:
      - dom-sjablonen

Why: mkdocs-static-i18n builds the site once per language by calling MkDocs'
`build()` again, and every `build()` makes a fresh Jinja environment
(`Theme.get_env()`), whose template cache starts empty. So every template
(main.html, base.html and its ~45 partials and icons) was compiled once per
language: 98 compiles per build, a quarter of the build's time. Within one
language Jinja's own cache already serves every page from one compile.

Fix: Jinja's own bytecode cache (`Environment.bytecode_cache`), kept by this
plugin and given to each new environment (on_env). A template's code is reused
when its name, file and source checksum match (Jinja checks these) and the
environment compiles alike (same Jinja, extensions, syntax, filters and tests;
`_compile_settings`). The code is kept in memory for the process and, with the
setting `cache` (default), on disk too, in the repository's git folder
(`.git/dom-site-cache/sjablonen/`, dom_site.cache: it is code the build runs, so
never a folder a pull request could write), so the next `mkdocs build` does not
compile at all. A changed template is compiled again; a damaged file too.

    plugins:
      - dom-sjablonen:
          cache: true      # false keeps the compiled templates in memory only
"""
from __future__ import annotations

import hashlib
import os
import re
from pathlib import Path
from typing import Any

import jinja2
from jinja2.bccache import Bucket, BytecodeCache
from mkdocs.config import config_options as c
from mkdocs.config.base import Config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import Files

from dom_site import cache


class MemoryBytecodeCache(BytecodeCache):
    """Compiled template code in a dict for the life of the plugin, and in `folder` if given."""

    def __init__(self, folder: Path | None = None) -> None:
        self.store: dict[str, bytes] = {}
        self.folder = folder
        self.hits = 0
        self.misses = 0

    def _file(self, key: str) -> Path | None:
        return None if self.folder is None else self.folder / f"{key}.cache"

    def load_bytecode(self, bucket: Bucket) -> None:
        data = self.store.get(bucket.key)
        file = self._file(bucket.key)
        if data is None and file is not None:
            try:
                data = file.read_bytes()
            except OSError:
                data = None
        if data is None:
            self.misses += 1
            return
        try:
            bucket.bytecode_from_string(data)  # resets the bucket if the source checksum differs
        except Exception:  # noqa: BLE001 (whatever a damaged file raises while unpickling: compile again)
            bucket.reset()
        if bucket.code is None:
            self.misses += 1
        else:
            self.store[bucket.key] = data
            self.hits += 1

    def dump_bytecode(self, bucket: Bucket) -> None:
        data = bucket.bytecode_to_string()
        self.store[bucket.key] = data
        file = self._file(bucket.key)
        if file is None:
            return
        try:
            file.parent.mkdir(parents=True, exist_ok=True)
            # Whole or not at all: two builds at once (the tests) never read half a file.
            part = file.with_name(f"{file.name}.{os.getpid()}")
            part.write_bytes(data)
            os.replace(part, file)
        except OSError:
            pass  # a read-only checkout builds as before, from memory

    def clear(self) -> None:
        self.store.clear()


def _compile_settings(env: jinja2.Environment) -> tuple[Any, ...]:
    """What the generated code of a template depends on besides its source."""
    return (
        jinja2.__version__,
        tuple(sorted(env.extensions)),
        env.block_start_string, env.block_end_string,
        env.variable_start_string, env.variable_end_string,
        env.comment_start_string, env.comment_end_string,
        env.line_statement_prefix, env.line_comment_prefix,
        env.trim_blocks, env.lstrip_blocks, env.newline_sequence, env.keep_trailing_newline,
        env.optimized, env.is_async, repr(env.autoescape), repr(env.finalize),
        # The compiler looks filters and tests up and bakes in how each is called.
        tuple(sorted((name, repr(getattr(f, "jinja_pass_arg", None))) for name, f in env.filters.items())),
        tuple(sorted((name, repr(getattr(f, "jinja_pass_arg", None))) for name, f in env.tests.items())),
    )


def _settings_folder(settings: tuple[Any, ...]) -> str:
    """A name for the settings that is the same in every process (no memory addresses)."""
    stable = re.sub(r" at 0x[0-9a-fA-F]+", "", repr(settings))
    return hashlib.sha256(stable.encode("utf-8")).hexdigest()[:16]


class TemplatesConfig(Config):
    # Keep compiled templates between builds in the repository's git folder
    # (dom_site.cache); false: in memory only.
    cache = c.Type(bool, default=True)


class TemplatesPlugin(BasePlugin[TemplatesConfig]):
    def __init__(self) -> None:
        self.caches: dict[tuple[Any, ...], MemoryBytecodeCache] = {}
        self.folder: Path | None = None

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        # Where compiled templates are kept on disk, or None (the setting, or no git).
        root = Path(config.config_file_path).resolve().parent
        self.folder = cache.folder(root, "sjablonen") if self.config.cache else None
        return config

    # Last, after every plugin and hook that adds extensions or filters to the environment.
    @event_priority(-100)
    def on_env(self, env: jinja2.Environment, *, config: MkDocsConfig, files: Files) -> jinja2.Environment:
        if env.bytecode_cache is None:
            settings = _compile_settings(env)
            if settings not in self.caches:
                folder = self.folder / _settings_folder(settings) if self.folder else None
                self.caches[settings] = MemoryBytecodeCache(folder)
            env.bytecode_cache = self.caches[settings]
        return env
