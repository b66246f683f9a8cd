"""MkDocs plugin `dom-sjablonen`: each theme template is compiled once, not once per language.

    plugins:
      - dom-sjablonen

Why: mkdocs-static-i18n builds the site once per language by calling MkDocs'
`build()` again, and every `build()` makes a fresh Jinja environment
(`Theme.get_env()`), whose template cache starts empty. So every template
(main.html, base.html and its ~45 partials and icons) was compiled once per
language: 98 compiles per build, a quarter of the build's time. Within one
language Jinja's own cache already serves every page from one compile.

Fix: Jinja's own bytecode cache (`Environment.bytecode_cache`), kept in memory
by this plugin and given to each new environment (on_env). A template's code is
reused when its name, file and source checksum match (Jinja checks these) and
the environment compiles alike (same extensions, syntax, filters and tests;
`_compile_settings`). Nothing is written to disk; a new `mkdocs build` or a
`mkdocs serve` process starts empty, and a changed template is compiled again.
"""
from __future__ import annotations

from typing import Any

import jinja2
from jinja2.bccache import Bucket, BytecodeCache
from mkdocs.config.base import Config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import Files


class MemoryBytecodeCache(BytecodeCache):
    """Compiled template code in a dict, for the life of the plugin (one MkDocs process)."""

    def __init__(self) -> None:
        self.store: dict[str, bytes] = {}
        self.hits = 0
        self.misses = 0

    def load_bytecode(self, bucket: Bucket) -> None:
        data = self.store.get(bucket.key)
        if data is None:
            self.misses += 1
            return
        bucket.bytecode_from_string(data)  # resets the bucket if the source checksum differs
        if bucket.code is None:
            self.misses += 1
        else:
            self.hits += 1

    def dump_bytecode(self, bucket: Bucket) -> None:
        self.store[bucket.key] = bucket.bytecode_to_string()

    def clear(self) -> None:
        self.store.clear()


def _compile_settings(env: jinja2.Environment) -> tuple[Any, ...]:
    """What the generated code of a template depends on besides its source."""
    return (
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


class NoSettings(Config):
    """This plugin has no settings."""


class TemplatesPlugin(BasePlugin[NoSettings]):
    def __init__(self) -> None:
        self.caches: dict[tuple[Any, ...], MemoryBytecodeCache] = {}

    # Last, after every plugin and hook that adds extensions or filters to the environment.
    @event_priority(-100)
    def on_env(self, env: jinja2.Environment, *, config: MkDocsConfig, files: Files) -> jinja2.Environment:
        if env.bytecode_cache is None:
            env.bytecode_cache = self.caches.setdefault(_compile_settings(env), MemoryBytecodeCache())
        return env
