"""mkdocs.yml's mistakes as the editor's messages: one per mistake, at its line, Dutch first.

MkDocs checks mkdocs.yml against its own settings and each plugin's config_options,
logs every finding as "Config value 'name': what" in English, at no line, and then
stops with "Aborted with a configuration error!". An editor who misspells a setting
or a plugin's option (after our own advice "zet haar in nav in mkdocs.yml") needs
the line. `kept()` holds those findings back while mkdocs.yml is loaded and turns
each into one message at the line of the setting: a plugin's option at that option
under the plugin, a value MkDocs refused at the line that holds it. A setting that
is missing because it was misspelt is said once, at the misspelling.
"""
from __future__ import annotations

import contextlib
import logging
import re
from collections.abc import Iterator
from importlib.metadata import entry_points
from pathlib import Path
from typing import TYPE_CHECKING, Any

from mkdocs.exceptions import MkDocsException

from dom_site.messages import Problem

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig

FINDING = re.compile(r"^Config value '(?P<name>[^']*)': (?P<text>.*)$", re.DOTALL)
UNKNOWN = re.compile(r"^Unrecognised configuration name: (?P<key>.+)$")
# Inside a plugin's option (dom_site.plugins.Entries): a name the entry does not know.
UNKNOWN_INSIDE = re.compile(r"Sub-option '(?P<key>[^']+)': Unrecognised configuration name: ")
PLUGIN_OPTION = re.compile(r"^Plugin '(?P<plugin>[^']+)' option '(?P<option>[^']+)': (?P<text>.*)$", re.DOTALL)
NOT_INSTALLED = re.compile(r'^The "(?P<plugin>[^"]+)" plugin is not installed')
TWICE = re.compile(r"^Plugin '(?P<plugin>[^']+)' was specified multiple times")
REQUIRED = "Required configuration not provided."
# MkDocs' two commonest reasons to refuse a value, said in Dutch; any other in MkDocs' words.
WRONG_TYPE = re.compile(r"Expected type: <class '(?P<wanted>\w+)'> but received: <class '\w+'>")
# A list or a mapping where MkDocs' ListOfItems or DictOfItems wants one ("nav: index.md").
NOT_ITEMS = re.compile(r"Expected a (?P<wanted>list|dict) of items, but a <class '\w+'> was given")
# "Expected one of: ('a', 'b') but received: 'x'" (a plugin's option) or "Expected one of ['a', 'b'],
# got 'x'" (MkDocs' own), after the sub-options that lead to it.
NOT_A_CHOICE = re.compile(r"^(?:Sub-option '[^']+': )*?(?:Sub-option '(?P<sub>[^']+)': )?Expected one of:? "
                          r"[(\[](?P<choices>.*?)[)\]](?: but received:|, got) '(?P<got>[^']*)'$")
# Python's names of MkDocs' expected types, as the JSON schemas name them (dom_site.data_file.KINDS).
JSON_KINDS = {"bool": "boolean", "str": "string", "int": "integer", "float": "number", "list": "array",
              "dict": "object"}
QUOTED = re.compile(r"'([^'\n]+)'")
# MkDocs and ProperDocs log their findings about the settings here.
LOGGERS = ("mkdocs.config", "properdocs.config")


class _Keep(logging.Filter):
    def __init__(self) -> None:
        super().__init__()
        self.found: list[tuple[str, str]] = []

    def filter(self, record: logging.LogRecord) -> bool:
        match = FINDING.match(record.getMessage()) if record.levelno >= logging.WARNING else None
        if match is None:
            return True
        self.found.append((match["name"], match["text"]))
        return False  # said by problems(), at its line


@contextlib.contextmanager
def kept() -> Iterator[list[tuple[str, str]]]:
    """Within: MkDocs' findings about the settings, (name, text), are kept in the list, not printed."""
    keep = _Keep()
    loggers = [logging.getLogger(name) for name in LOGGERS]
    for logger in loggers:
        logger.addFilter(keep)
    try:
        yield keep.found
    finally:
        for logger in loggers:
            logger.removeFilter(keep)


def _settings() -> list[str]:
    from mkdocs.config.defaults import MkDocsConfig

    return [name for name, _ in MkDocsConfig._schema]


def _plugins() -> dict[str, Any]:
    return {entry.name: entry for group in ("mkdocs.plugins", "properdocs.plugins")
            for entry in entry_points(group=group)}


def _plugin_settings(plugin: str, *inside: str) -> list[str]:
    """The names of a plugin's settings (its config_options), or of the entries of its option
    `inside` (a DictOfItems or ListOfItems of a SubConfig); [] when it cannot be asked."""
    try:
        schema = _plugins()[plugin].load().config_class._schema
        for name in inside:
            option: Any = dict(schema)[name]
            option = getattr(option, "option_type", option)  # the items of a DictOfItems or ListOfItems
            schema = option.config_class._schema
        return [name for name, _ in schema]
    except Exception:  # noqa: BLE001 (a plugin that cannot be loaded has no names to offer)
        return []


def reason(detail: str) -> tuple[str, str]:
    """Why MkDocs refused a value, (Dutch, English): its commonest reasons in Dutch, any other in
    MkDocs' own words (its first and last line: a Python traceback in between says nothing to an editor)."""
    from dom_site.data_file import KINDS, choices

    if (match := WRONG_TYPE.search(detail) or NOT_ITEMS.search(detail)) and JSON_KINDS.get(match["wanted"]) in KINDS:
        kind_nl, kind_en = KINDS[JSON_KINDS[match["wanted"]]]
        return f"er hoort {kind_nl} te staan", f"it should be {kind_en}"
    if (match := NOT_A_CHOICE.match(detail)):
        choose_nl, choose_en = choices([choice.strip(" '\"") for choice in match["choices"].split(",")])
        sub = match["sub"]
        return (f"{f'bij {sub!r} staat' if sub else 'er staat'} '{match['got']}'; {choose_nl}",
                f"{f'{sub!r} is' if sub else 'it is'} '{match['got']}'; {choose_en}")
    lines = [line.strip() for line in detail.strip().splitlines() if line.strip()]
    said = lines[0] if len(lines) < 2 else f"{lines[0]} … {lines[-1]}"
    return f"MkDocs zegt: {said}", f"MkDocs says: {said}"


def _holding(detail: str) -> list[str]:
    """Values a message quotes, most specific first (a traceback's last line names the option):
    the line in mkdocs.yml that holds one of them is where the mistake is."""
    return [value for line in reversed(detail.splitlines()) for value in reversed(QUOTED.findall(line))]


def problems(found: list[tuple[str, str]], config_file: Path) -> list[Problem]:
    """One message per finding, at its line of config_file."""
    from dom_site.data_file import closest
    from dom_site.plugins import setting_line_in

    def at(plugin: str, *keys: str, detail: str = "") -> tuple[str, int]:
        """The line of the setting; inside it, the line holding a value the message quotes."""
        where = setting_line_in(config_file, plugin, *keys)
        for value in _holding(detail):
            held = setting_line_in(config_file, plugin, *keys, holding=value)
            if held != where:
                return held
        return where

    unknown = [m["key"] for _, text in found if (m := UNKNOWN.match(text))]
    said: list[Problem] = []
    folder = str(config_file.resolve().parent) + "/"
    for name, text in ((name, text.replace(folder, "")) for name, text in found):  # paths as the editor writes them
        if (match := UNKNOWN.match(text)) and name == match["key"]:
            key = match["key"]
            like = closest(key, _settings())
            said.append(Problem(
                *at("", key), f"'{key}' is geen instelling die MkDocs kent",
                f"bedoel je '{like}'? Schrijf dan {like}:" if like else "kijk de naam na, of haal de regel weg",
                f"'{key}' is not a setting MkDocs knows",
                f"did you mean '{like}'? Then write {like}:" if like else "check the name, or remove the line"))
        elif text == REQUIRED:
            if any(closest(key, [name]) for key in unknown):
                continue  # misspelt: said at the misspelling
            said.append(Problem(config_file.name, 1, f"de instelling '{name}' ontbreekt", f"voeg een regel '{name}: …' toe",
                                f"the setting '{name}' is missing", f"add a line '{name}: …'"))
        elif (match := NOT_INSTALLED.match(text)):
            plugin = match["plugin"]
            like = closest(plugin, sorted(_plugins()))
            said.append(Problem(
                *at(plugin), f"er is geen plugin '{plugin}'",
                f"bedoel je '{like}'?" if like else "kijk de naam na bij de andere plugins onder plugins:",
                f"there is no plugin '{plugin}'",
                f"did you mean '{like}'?" if like else "check the name against the other plugins under plugins:"))
        elif (match := TWICE.match(text)):
            plugin = match["plugin"]
            said.append(Problem(
                config_file.name, _second_entry(config_file, plugin), f"de plugin '{plugin}' staat twee keer onder plugins",
                "haal deze regel weg (met de instellingen eronder, als die er zijn)",
                f"the plugin '{plugin}' is listed twice under plugins",
                "remove this line (with the settings below it, if any)"))
        elif (match := PLUGIN_OPTION.match(text)):
            plugin, option, detail = match["plugin"], match["option"], match["text"]
            if UNKNOWN.match(detail):
                like = closest(option, _plugin_settings(plugin))
                said.append(Problem(
                    *at(plugin, option), f"de plugin '{plugin}' heeft geen instelling '{option}'",
                    f"bedoel je '{like}'?" if like else "kijk de naam na, of haal de regel weg",
                    f"the plugin '{plugin}' has no setting '{option}'",
                    f"did you mean '{like}'?" if like else "check the name, or remove the line"))
            elif (inside := UNKNOWN_INSIDE.search(detail)):
                key = inside["key"]
                like = closest(key, _plugin_settings(plugin, option))
                said.append(Problem(
                    *at(plugin, option, detail=detail), f"'{key}' onder '{option}' bij de plugin '{plugin}' bestaat niet",
                    f"bedoel je '{like}'?" if like else "kijk de naam na, of haal hem weg",
                    f"'{key}' under '{option}' of the plugin '{plugin}' does not exist",
                    f"did you mean '{like}'?" if like else "check the name, or remove it"))
            else:
                why_nl, why_en = reason(detail)
                said.append(Problem(
                    *at(plugin, option, detail=detail),
                    f"de waarde van '{option}' bij de plugin '{plugin}' klopt niet: {why_nl}", "verbeter de waarde",
                    f"the value of '{option}' for the plugin '{plugin}' is wrong: {why_en}", "correct the value"))
        else:
            why_nl, why_en = reason(text)
            said.append(Problem(
                *at("", name, detail=text), f"de instelling '{name}' klopt niet: {why_nl}", "verbeter de waarde",
                f"the setting '{name}' is wrong: {why_en}", "correct the value"))
    return said


def _second_entry(config_file: Path, plugin: str) -> int:
    """The line of the plugin's second entry under plugins (where it was written twice)."""
    import yaml

    from dom_site import source

    try:
        found = source.entry(source.compose(config_file.read_text("utf-8")), "plugins")
    except (OSError, yaml.YAMLError):
        return 1
    items = found[1].value if found and isinstance(found[1], yaml.SequenceNode) else []
    lines = [item.start_mark.line + 1 for item in items
             if (isinstance(item, yaml.ScalarNode) and item.value == plugin) or source.entry(item, plugin)]
    return lines[1] if len(lines) > 1 else (lines[0] if lines else 1)


class Refused(MkDocsException):
    """mkdocs.yml cannot be used: the editor's messages, each at its line (an MkDocsException,
    so what stops on MkDocs' own exceptions stops on it too)."""

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__("\n".join(map(str, problems)))
        self.problems = problems


def unloadable(error: Exception, shown: str) -> Problem:
    """mkdocs.yml that MkDocs cannot load at all: YAML it cannot read at its line (a menu entry
    indented wrongly, after "zet haar in nav in mkdocs.yml"), else MkDocs' reason."""
    import yaml

    from dom_site import data_file

    cause = error.__cause__ or error.__context__
    if isinstance(cause, yaml.YAMLError):
        return data_file.unreadable_file(cause, shown)
    return Problem(shown, 1, f"MkDocs kan {shown} niet laden ({error})", "herstel wat de regels hierboven noemen",
                   f"MkDocs cannot load {shown} ({error})", "fix what the lines above name")


def written_twice(config_file: Path) -> Problem | None:
    """A key written twice in one mapping of config_file (MkDocs' YAML keeps the last one
    and says nothing: a second `plugins:` would silently drop every plugin above it)."""
    import yaml

    from dom_site import data_file, source

    try:
        root = source.compose(config_file.read_text("utf-8"))
    except (OSError, yaml.YAMLError):
        return None  # MkDocs says why it cannot read it (unloadable)
    # Keys as YAML reads them ('yes' and 'true' are one key), the values left alone: they may hold !ENV.
    reader = source.FrontMatterLoader("")
    for node in source.walk(root):
        if isinstance(node, yaml.MappingNode):
            twice = source.key_written_twice(node, lambda key: reader.construct_object(key)
                                             if isinstance(key, yaml.ScalarNode) else id(key))
            if twice is not None:
                return data_file.unreadable_file(twice, config_file.name)
    return None


def _menu(config_file: Path) -> Any:
    """The menu (nav) as YAML nodes, with their lines; None when the file cannot be read (MkDocs says
    why: unloadable) or has no menu."""
    import yaml

    from dom_site import source

    try:
        found = source.entry(source.compose(config_file.read_text("utf-8")), "nav")
    except (OSError, yaml.YAMLError):
        return None
    return found[1] if found else None


def menu_pages(config_file: Path) -> list[tuple[str, int]]:
    """Every page the menu (nav) names, as written, with its line."""
    import yaml

    from dom_site import source

    return [(node.value, node.start_mark.line + 1) for node in source.walk(_menu(config_file))
            if isinstance(node, yaml.ScalarNode) and node.value.endswith(".md")]


def in_menu_twice(config_file: Path) -> Problem | None:
    """A page the menu (nav) names twice: MkDocs builds it once, with two menu entries that
    open the same page, and says nothing (the built page then holds Material's ids twice)."""
    first: dict[str, int] = {}
    for page, line in menu_pages(config_file):
        if page in first:
            return Problem(config_file.name, line,
                           f"de pagina '{page}' staat twee keer in het menu (ook op regel {first[page]})",
                           "haal één van de twee regels weg",
                           f"the page '{page}' is in the menu twice (also on line {first[page]})",
                           "remove one of the two lines")
        first[page] = line
    return None


def empty_group(config_file: Path) -> Problem | None:
    """A group of the menu with nothing under it ('- Reactie:' and its pages not indented further):
    MkDocs says 'Expected nav to be a list, got None', at no line and in English (a helper's probe)."""
    import yaml

    from dom_site import source

    for node in source.walk(_menu(config_file)):
        if not isinstance(node, yaml.MappingNode):
            continue
        for key, value in node.value:
            if isinstance(value, yaml.ScalarNode) and value.tag == "tag:yaml.org,2002:null":
                title = key.value
                return Problem(config_file.name, key.start_mark.line + 1,
                               f"de groep '{title}' in het menu heeft niets eronder; de regels die erbij horen "
                               "staan niet verder ingesprongen",
                               f"zet de pagina's van '{title}' eronder, vier spaties verder ingesprongen dan '- {title}:'",
                               f"the group '{title}' in the menu has nothing under it; the lines that belong to it "
                               "are not indented further",
                               f"put the pages of '{title}' below it, indented four spaces further than '- {title}:'")
    return None


def load(config_file: Path, **options: Any) -> MkDocsConfig:
    """MkDocs' load_config of config_file with options; raises Refused with the editor's
    messages when MkDocs finds anything wrong in it (a warning too: every build is strict)."""
    from mkdocs.config import load_config

    for slip in (written_twice, in_menu_twice, empty_group):
        if (problem := slip(config_file)) is not None:
            raise Refused([problem])
    with kept() as found:
        try:
            config = load_config(str(config_file), **options)
        except MkDocsException as error:
            raise Refused(problems(found, config_file) or [unloadable(error, config_file.name)]) from error
    if found:
        raise Refused(problems(found, config_file))
    return config
