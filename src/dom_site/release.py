"""Cut a release: record each active unit's checksum and the release in registry/ids.yml.

    dom-site release 1.1                     # uses today's date
    dom-site release 1.1 --date 2027-03-01

The release's content is the commit you run this on (HEAD). The script writes
that commit into the registry, so the deploy can rebuild the frozen edition
from it under /versies/<version>/. Then commit the registry and tag:
    git commit -am "Release 1.1" && git tag v1.1 <the commit named in the registry>
"""
from __future__ import annotations

import argparse
import json
import re
import tempfile
from datetime import date
from pathlib import Path

import yaml
from jsonschema import Draft202012Validator

from dom_site import citation_registry as reg
from dom_site import data_file, git, source
from dom_site.messages import Problem, problem, say

REGISTRY = Path("registry") / "ids.yml"  # in the project folder


def checksums(docs: Path) -> dict[str, str]:
    """The checksum of every citable unit's Dutch text, by ID."""
    return {u.anchor: reg.checksum(reg.unit_text(docs, u))
            for u in reg.headings(docs) if u.language == "nl" and reg.WELL_FORMED.match(u.anchor)}


def add_checksum(line: str, version: str, value: str) -> str:
    """Add `"version": value` to the checksums of one registry line (keeps the line's layout)."""
    if "checksums: {" in line:
        return re.sub(r"checksums: \{", f'checksums: {{"{version}": "{value}", ', line, count=1).replace(", }", "}")
    return re.sub(r"\}\s*$", f', checksums: {{"{version}": "{value}"}}}}', line)


class ReleaseError(ValueError):
    """An active unit's registry entry this script cannot give its checksum; the message names its line."""


def release(version: str, when: date, commit: str, text: str, sums: dict[str, str]) -> str:
    """The registry text with the release line and every active unit's checksum for this version.

    Entries are found as YAML reads them (their line from the YAML nodes, as every
    registry message finds it); an entry is one line, `id: {…}`, the registry's layout.
    """
    lines = text.splitlines()
    found = source.entry(source.compose(text), "ids")
    ids = found[1] if found else None
    for key, value in ids.value if isinstance(ids, yaml.MappingNode) else []:
        if key.value not in sums or not isinstance(value, yaml.MappingNode):
            continue
        fields = {k.value: v.value for k, v in value.value if isinstance(v, yaml.ScalarNode)}
        if fields.get("status") != "active":
            continue
        if not (value.flow_style and value.start_mark.line == value.end_mark.line == key.start_mark.line):
            raise ReleaseError(problem(
                "registry/ids.yml", key.start_mark.line + 1,
                f"{key.value} staat niet op één regel, en krijgt zo geen controlegetal voor versie {version}",
                f"schrijf het als {key.value}: {{page: …, status: active, since: …}} op één regel, zoals de andere",
                f"{key.value} is not written on one line, so it gets no checksum for release {version}",
                f"write it as {key.value}: {{page: …, status: active, since: …}} on one line, like the others"))
        number = key.start_mark.line
        if not any(k.value == "checksums" for k, _ in value.value):
            # New in this release: `since` named the release to come (the rule `citeren` holds it to that).
            lines[number] = re.sub(r'since: "?[0-9.]+"?', f'since: "{version}"', lines[number], count=1)
        lines[number] = add_checksum(lines[number], version, sums[key.value])
    out = []
    for line in lines:
        out.append(line)
        if line.startswith("releases:"):
            out.append(f'  - {{version: "{version}", date: {when.isoformat()}, commit: {commit}}}')
    return "\n".join(out) + "\n"


def _day(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"'{text}' is geen datum — schrijf jaar-maand-dag, bijvoorbeeld 2027-03-01 "
            f"('{text}' is not a date — write year-month-day, for example 2027-03-01)") from None


def main(argv: list[str] | None, root: Path) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("version")
    parser.add_argument("--date", type=_day, default=date.today())
    args = parser.parse_args(argv)
    # What a version looks like is the registry schema's rule: asked here, before anything is read or written.
    schema = json.loads(reg.schema_for(root / REGISTRY).read_text("utf-8"))
    version_schema = schema["properties"]["releases"]["items"]["properties"]["version"]
    if not Draft202012Validator(version_schema).is_valid(args.version):
        example = (version_schema.get("examples") or ["1.1"])[0]
        parser.error(f"'{args.version}' is geen versienummer — schrijf het als {example} "
                     f"('{args.version}' is not a version number — write it like {example})")
    registry = reg.load_registry(root / REGISTRY)
    text = (root / REGISTRY).read_text("utf-8")
    shown = REGISTRY.as_posix()
    if any(str(r["version"]) == args.version for r in registry.releases):
        say(Problem(shown, registry.release_line(args.version),
                    f"versie {args.version} bestaat al", "kies een nieuw versienummer",
                    f"version {args.version} already exists", "choose a new version number"))
        return 1
    found = reg.problems(root / "docs", registry)
    if found:
        for each in found:
            say(each)
        print("Eerst de ID's in orde maken: zie hierboven, of draai dom-site check (Fix the IDs first: see above).")
        return 1
    commit = (git.output(root, "rev-parse", "HEAD") or "").strip()
    if not commit:
        say(Problem(shown, 1, "git kent hier geen commit om vast te leggen",
                    "maak de versie in een git-kopie van het project, na een commit",
                    "git knows no commit here to record", "make the release in a git clone of the project, after a commit"))
        return 1
    try:
        text = release(args.version, args.date, commit, text, checksums(root / "docs"))
    except ReleaseError as error:
        say(str(error))
        return 1
    # The registry's schema says what a version looks like (one rule, also the build's):
    # the new registry is checked before it is written, so "v1.1" or "1,1" never reaches the file.
    with tempfile.TemporaryDirectory() as tmp:
        candidate = Path(tmp) / REGISTRY.name
        candidate.write_text(text, "utf-8")
        _, _, wrong = data_file.load(candidate, reg.schema_for(root / REGISTRY), shown)
    if wrong:
        for each in wrong:
            say(each)
        print(f"Versie {args.version} is niet vastgelegd (release {args.version} was not recorded).")
        return 1
    (root / REGISTRY).write_text(text, "utf-8")
    print(f"Versie {args.version} vastgelegd in registry/ids.yml (inhoud van commit {commit[:12]}).")
    print(f"Nu: git commit -am 'Release {args.version}' && git tag v{args.version} {commit}")
    return 0
