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
import difflib
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
PLUGIN_OPTION = re.compile(r"^Plugin '(?P<plugin>[^']+)' option '(?P<option>[^']+)': (?P<text>.*)$", re.DOTALL)
NOT_INSTALLED = re.compile(r'^The "(?P<plugin>[^"]+)" plugin is not installed')
RECEIVED = re.compile(r"received: '(?P<value>[^']+)'")
REQUIRED = "Required configuration not provided."
# MkDocs' two commonest reasons to refuse a value, said in Dutch; any other is quoted as it is.
WRONG_TYPE = re.compile(r"Expected type: <class '(?P<wanted>\w+)'> but received: <class '\w+'>")
NOT_A_CHOICE = re.compile(r"^(?:Sub-option '(?P<sub>[^']+)': )?Expected one of: \((?P<choices>.*)\) but received: "
                          r"'(?P<got>[^']*)'$")
KINDS = {"bool": "true of false", "str": "tekst", "int": "een getal", "list": "een lijst",
         "dict": "regels 'naam: waarde'"}
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


def _like(word: str, known: list[str]) -> str | None:
    close = difflib.get_close_matches(word, known, n=1, cutoff=0.75)
    return close[0] if close else None


def _settings() -> list[str]:
    from mkdocs.config.defaults import MkDocsConfig

    return [name for name, _ in MkDocsConfig._schema]


def _plugins() -> list[str]:
    return sorted({entry.name for entry in entry_points(group="mkdocs.plugins")}
                  | {entry.name for entry in entry_points(group="properdocs.plugins")})


def dutch(detail: str) -> str:
    """Why MkDocs refused a value, in Dutch where it is one of its common reasons."""
    if (match := WRONG_TYPE.search(detail)) and match["wanted"] in KINDS:
        return f"er hoort {KINDS[match['wanted']]} te staan"
    if (match := NOT_A_CHOICE.match(detail)):
        choices = ", ".join(choice.strip(" '") for choice in match["choices"].split(","))
        where = f"bij '{match['sub']}' " if match["sub"] else ""
        return f"{where}staat '{match['got']}', en dat mag niet: kies uit {choices}"
    return detail


def problems(found: list[tuple[str, str]], config_file: Path) -> list[Problem]:
    """One message per finding, at its line of config_file."""
    from dom_site.plugins import setting_line_in

    unknown = [m["key"] for _, text in found if (m := UNKNOWN.match(text))]
    said: list[Problem] = []
    for name, text in found:
        if (match := UNKNOWN.match(text)) and name == match["key"]:
            key = match["key"]
            like = _like(key, _settings())
            said.append(Problem(
                *setting_line_in(config_file, "", key), f"'{key}' is geen instelling die MkDocs kent",
                f"bedoel je '{like}'? Schrijf dan {like}:" if like else "kijk de naam na, of haal de regel weg",
                f"'{key}' is not a setting MkDocs knows",
                f"did you mean '{like}'? Then write {like}:" if like else "check the name, or remove the line"))
        elif text == REQUIRED:
            if any(_like(key, [name]) for key in unknown):
                continue  # misspelt: said at the misspelling
            said.append(Problem(config_file.name, 1, f"de instelling '{name}' ontbreekt", f"voeg een regel '{name}: …' toe",
                                f"the setting '{name}' is missing", f"add a line '{name}: …'"))
        elif (match := NOT_INSTALLED.match(text)):
            plugin = match["plugin"]
            like = _like(plugin, _plugins())
            said.append(Problem(
                *setting_line_in(config_file, plugin), f"er is geen plugin '{plugin}'",
                f"bedoel je '{like}'?" if like else "kijk de naam na bij de andere plugins onder plugins:",
                f"there is no plugin '{plugin}'",
                f"did you mean '{like}'?" if like else "check the name against the other plugins under plugins:"))
        elif (match := PLUGIN_OPTION.match(text)):
            plugin, option, detail = match["plugin"], match["option"], match["text"]
            value = RECEIVED.search(detail)
            where = setting_line_in(config_file, plugin, option, holding=value["value"] if value else None)
            if UNKNOWN.match(detail):
                said.append(Problem(
                    *where, f"de plugin '{plugin}' kent de instelling '{option}' niet",
                    "kijk de naam na: welke instellingen er zijn, staat in het commentaar boven de plugin",
                    f"the plugin '{plugin}' has no setting '{option}'",
                    "check the name: the comment above the plugin lists its settings"))
            else:
                said.append(Problem(
                    *where, f"de plugin '{plugin}' kan de waarde van '{option}' niet gebruiken ({dutch(detail)})",
                    "schrijf een waarde zoals de melding en het commentaar boven de plugin die noemen",
                    f"the plugin '{plugin}' cannot use the value of '{option}' ({detail})",
                    "write a value as the message and the comment above the plugin name it"))
        else:
            said.append(Problem(
                *setting_line_in(config_file, "", name), f"MkDocs kan de instelling '{name}' niet gebruiken ({dutch(text)})",
                "schrijf een waarde zoals de melding die noemt",
                f"MkDocs cannot use the setting '{name}' ({text})", "write a value as the message names it"))
    return said


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


def load(config_file: Path, **options: Any) -> MkDocsConfig:
    """MkDocs' load_config of config_file with options; raises Refused with the editor's
    messages when MkDocs finds anything wrong in it (a warning too: every build is strict)."""
    from mkdocs.config import load_config

    with kept() as found:
        try:
            config = load_config(str(config_file), **options)
        except MkDocsException as error:
            raise Refused(problems(found, config_file) or [unloadable(error, config_file.name)]) from error
    if found:
        raise Refused(problems(found, config_file))
    return config
