"""A YAML data file checked against its JSON schema, with every problem at its line.

The registries (registry/ids.yml) are edited by hand. A mistake there must not
crash a later step with a KeyError: the build reads the file here first, checks
it against its schema, and names the line and the field to fix.
"""
from __future__ import annotations

import json
from collections.abc import Sequence
from functools import cache
from pathlib import Path
from typing import Any

import yaml
from jsonschema import Draft202012Validator, FormatChecker
from jsonschema.exceptions import ValidationError

from dom_site.messages import Problem
from dom_site.source import FrontMatterLoader

# The C parser when PyYAML has it; dates stay text, as the schemas describe them.
_COMPOSER: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@cache
def validator(schema: Path) -> Draft202012Validator:
    """One validator per schema file for the whole run."""
    return Draft202012Validator(json.loads(schema.read_text(encoding="utf-8")), format_checker=FormatChecker())


def line_of(root: yaml.Node | None, path: Sequence[Any]) -> int:
    """The 1-based line of the deepest part of `path` the document has (a missing field: its parent's line)."""
    node, line = root, 1
    for key in path:
        if isinstance(node, yaml.MappingNode):
            found = next(((k, v) for k, v in node.value if k.value == str(key)), None)
            if found is None:
                break
            line, node = found[0].start_mark.line + 1, found[1]
        elif isinstance(node, yaml.SequenceNode) and isinstance(key, int) and key < len(node.value):
            node = node.value[key]
            line = node.start_mark.line + 1
        else:
            break
    return line


def _where(path: Sequence[Any]) -> str:
    return " → ".join(str(part) for part in path) or "het bestand"


def _schema(error: ValidationError) -> dict[str, Any]:
    return error.schema if isinstance(error.schema, dict) else {}


def _example(error: ValidationError, field: str | None = None) -> str:
    schema = _schema(error)
    if field is not None:
        schema = (schema.get("properties") or {}).get(field, {})
    examples = schema.get("examples") or []
    return f" (bijvoorbeeld / for example: {examples[0]})" if examples else ""


def problem_of(error: ValidationError, file: str, root: yaml.Node | None) -> Problem:
    """One schema error as an editor's message at its line."""
    path = list(error.absolute_path)
    where = _where(path)
    line = line_of(root, path)
    if error.validator == "required":
        missing = str(error.message).split("'")[1]
        return Problem(file, line, f"bij {where} ontbreekt het veld '{missing}'",
                       f"voeg '{missing}: …' toe{_example(error, missing)}",
                       f"{where} lacks the field '{missing}'", f"add '{missing}: …'")
    if error.validator == "additionalProperties":
        allowed = sorted(_schema(error).get("properties") or {})
        extra = sorted(set(error.instance) - set(allowed)) if isinstance(error.instance, dict) else []
        name = extra[0] if extra else "?"
        return Problem(file, line_of(root, [*path, name]), f"bij {where} staat een onbekend veld '{name}'",
                       f"gebruik alleen: {', '.join(allowed)}",
                       f"{where} has an unknown field '{name}'", f"use only: {', '.join(allowed)}")
    if error.validator == "propertyNames":
        return Problem(file, line, f"de naam '{error.instance}' in {where} heeft niet de juiste vorm",
                       "kijk naar de andere namen in dit deel en schrijf hem zoals zij",
                       f"the name '{error.instance}' in {where} is malformed", "write it like the other names there")
    if error.validator == "enum":
        options = ", ".join(str(value) for value in _schema(error).get("enum", []))
        return Problem(file, line, f"{where} is '{error.instance}', dat kan niet", f"kies uit: {options}",
                       f"{where} is '{error.instance}', which is not allowed", f"choose from: {options}")
    return Problem(file, line, f"{where} heeft niet de juiste vorm ({error.instance!r})",
                   f"schrijf het zoals de andere regels in dit bestand{_example(error)}",
                   f"{where} is malformed ({error.instance!r})", "write it like the other lines in this file")


def load(path: Path, schema: Path, shown: str) -> tuple[Any, list[Problem]]:
    """The file's data (dates as text) and its problems; the data is None when it is not valid YAML."""
    text = path.read_text(encoding="utf-8")
    try:
        root = yaml.compose(text, Loader=_COMPOSER)
        data = yaml.load(text, Loader=FrontMatterLoader)  # noqa: S506 (a safe loader)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        return None, [Problem(shown, mark.line + 1 if mark else 1, "dit bestand is geen geldige YAML",
                              "kijk naar inspringing, dubbele punten, aanhalingstekens en dubbele namen",
                              "this file is not valid YAML", "check indentation, colons, quotes and names written twice")]
    errors = sorted(validator(schema).iter_errors(data), key=lambda e: line_of(root, list(e.absolute_path)))
    return data, [problem_of(error, shown, root) for error in errors]
