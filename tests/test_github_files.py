"""The files in .github/ for editors: issue forms, PR template, CODEOWNERS, dependabot, the weekly link check.

Issue forms, their config and dependabot are validated against the schemas that
check-jsonschema ships (GitHub's own formats); the workflows themselves are linted
by tests/test_workflows.py (actionlint, zizmor), which globs every workflow.
"""
from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from conftest import ROOT

GITHUB = ROOT / ".github"
FORMS = sorted((GITHUB / "ISSUE_TEMPLATE").glob("*.yml"))
FORM_FILES = [f for f in FORMS if f.name != "config.yml"]
BIN = Path(sys.executable).parent
VILLAGES = ROOT / "docs" / "maatwerk" / "dorpen"
PLACEHOLDER_ORG = "dom-organisatie"
ALLOWED_ACTIONS = {
    "actions/checkout@de0fac2e4500dabe0009e67214ff5f5447ce83dd",
    "actions/setup-python@a309ff8b426b58ec0e2a45f0f869d46889d02405",
    "actions/github-script@ed597411d8f924073f98dfc5c65a23a2325f34cd",
}


def schema_check(schema: str, *files: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(BIN / "check-jsonschema"), "--builtin-schema", schema, *map(str, files)], timeout=600,
                          cwd=ROOT, capture_output=True, text=True)


def load(path: Path) -> dict:
    return yaml.safe_load(path.read_text("utf-8"))


# --- issue forms -----------------------------------------------------------------

def test_the_three_dutch_issue_forms_and_their_config_exist() -> None:
    assert {f.name for f in FORMS} == {"wijzigingsvoorstel.yml", "fout-melden.yml", "nieuw-dorp.yml", "config.yml"}


def test_issue_forms_match_githubs_issue_forms_schema() -> None:
    result = schema_check("vendor.github-issue-forms", *FORM_FILES)
    assert result.returncode == 0, result.stdout + result.stderr


def test_issue_config_matches_githubs_schema() -> None:
    result = schema_check("vendor.github-issue-config", GITHUB / "ISSUE_TEMPLATE" / "config.yml")
    assert result.returncode == 0, result.stdout + result.stderr


def fields(form: Path) -> dict[str, dict]:
    return {item["id"]: item for item in load(form)["body"] if "id" in item}


def test_change_proposal_asks_for_current_text_proposed_text_reason_and_section_id() -> None:
    found = fields(GITHUB / "ISSUE_TEMPLATE" / "wijzigingsvoorstel.yml")
    for required in ("pagina", "huidige-tekst", "voorgestelde-tekst", "reden"):
        assert found[required]["validations"]["required"] is True, required
    assert found["onderdeel"]["attributes"]["label"].startswith("Nummer van het onderdeel")


def test_new_village_form_offers_exactly_the_kinds_the_village_schema_allows() -> None:
    schema = json.loads((ROOT / "schemas" / "dorp.schema.json").read_text("utf-8"))
    kinds = fields(GITHUB / "ISSUE_TEMPLATE" / "nieuw-dorp.yml")["soort"]["attributes"]["options"]
    assert kinds == schema["properties"]["soort"]["enum"]


@pytest.mark.parametrize("form", FORM_FILES, ids=lambda p: p.name)
def test_every_form_warns_that_it_is_public(form: Path) -> None:
    intro = next(item for item in load(form)["body"] if item["type"] == "markdown")["attributes"]["value"]
    assert "openbaar" in intro and "persoonlijke gegevens" in intro


# --- pull request template -------------------------------------------------------------

def test_pull_request_template_has_a_checklist() -> None:
    text = (GITHUB / "pull_request_template.md").read_text("utf-8")
    items = re.findall(r"^- \[ \] (.+)$", text, re.MULTILINE)
    assert len(items) >= 6
    for topic in ("één zin per regel", "bron", "Engelse", "ID", "zoals ingediend", "300 kB"):
        assert any(topic in item for item in items), topic


# --- dependabot ---------------------------------------------------------------------------

def test_dependabot_matches_its_schema_and_updates_pip_actions_and_npm_weekly() -> None:
    path = GITHUB / "dependabot.yml"
    result = schema_check("vendor.dependabot", path)
    assert result.returncode == 0, result.stdout + result.stderr
    updates = {u["package-ecosystem"]: u for u in load(path)["updates"]}
    assert set(updates) == {"pip", "github-actions", "npm"}
    assert all(u["directory"] == "/" and u["schedule"]["interval"] == "weekly" for u in updates.values())


# --- CODEOWNERS ---------------------------------------------------------------------------

def codeowners() -> list[tuple[str, list[str]]]:
    rules: list[tuple[str, list[str]]] = []
    for line in (GITHUB / "CODEOWNERS").read_text("utf-8").splitlines():
        if line.strip() and not line.lstrip().startswith("#"):
            pattern, *owners = line.split()
            rules.append((pattern, owners))
    return rules


def matches(pattern: str, path: str) -> bool:
    """The part of CODEOWNERS' gitignore syntax this file uses: *, /dir/, /dir/name.*"""
    if pattern == "*":
        return True
    assert pattern.startswith("/"), f"only anchored patterns are used here: {pattern}"
    pattern = pattern[1:]
    if pattern.endswith("/"):
        return path.startswith(pattern)
    return re.fullmatch(re.escape(pattern).replace(r"\*", "[^/]*"), path) is not None


def owners_of(path: str) -> list[str]:
    """GitHub's rule: the last matching line wins."""
    found: list[str] = []
    for pattern, owners in codeowners():
        if matches(pattern, path):
            found = owners
    return found


def village_pages() -> list[Path]:
    return sorted(p for p in VILLAGES.glob("*.md") if not p.name.startswith("index."))


def test_codeowners_lines_are_well_formed_placeholder_teams() -> None:
    rules = codeowners()
    assert rules
    for pattern, owners in rules:
        assert owners, f"{pattern} has no owner"
        for owner in owners:
            assert re.fullmatch(rf"@{PLACEHOLDER_ORG}/[a-z0-9]+(?:-[a-z0-9]+)*", owner), owner


def test_the_board_owns_the_response_and_the_draaiboek_and_maintainers_own_the_machinery() -> None:
    assert owners_of("docs/reactie/index.md") == [f"@{PLACEHOLDER_ORG}/bestuur"]
    assert owners_of("docs/reactie/zoals-ingediend.en.md") == [f"@{PLACEHOLDER_ORG}/bestuur"]
    assert owners_of("docs/draaiboek/financiering.md") == [f"@{PLACEHOLDER_ORG}/bestuur"]
    assert owners_of("registry/ids.yml") == [f"@{PLACEHOLDER_ORG}/bestuur"]
    for machinery in (".github/workflows/ci.yml", ".github/CODEOWNERS", "mkdocs.yml", "src/dom_site/cli.py",
                      "src/dom_site/plugins/citations.py", "Makefile", "package-lock.json"):
        assert owners_of(machinery) == [f"@{PLACEHOLDER_ORG}/websitebeheer"], machinery


def test_every_village_page_has_its_own_village_team_in_codeowners() -> None:
    pages = village_pages()
    assert pages, "no village pages found"
    missing: list[str] = []
    for page in pages:
        slug = page.name.removesuffix(".md").removesuffix(".en")
        rel = page.relative_to(ROOT).as_posix()
        team = f"@{PLACEHOLDER_ORG}/dorp-{slug}"
        if owners_of(rel) != [team]:
            missing.append(
                f"{rel}:1: deze dorpspagina heeft geen eigen regel in .github/CODEOWNERS — "
                f"voeg deze regel toe: /docs/maatwerk/dorpen/{slug}.*  {team} "
                f"(English: this village page has no line of its own in .github/CODEOWNERS — "
                f"add this line: /docs/maatwerk/dorpen/{slug}.*  {team})")
    assert not missing, "\n".join(missing)


def test_a_new_village_without_its_line_would_fall_to_the_board_and_be_reported() -> None:
    # What the test above sees for a village page someone adds without a CODEOWNERS line.
    assert owners_of("docs/maatwerk/dorpen/nieuw-dorp-zonder-regel.md") == [f"@{PLACEHOLDER_ORG}/bestuur"]
    assert owners_of("docs/maatwerk/dorpen/elp-zuidveld.md") != [f"@{PLACEHOLDER_ORG}/dorp-elp"]


def test_codeowners_has_no_line_for_a_village_that_is_gone() -> None:
    slugs = {p.name.removesuffix(".md").removesuffix(".en") for p in village_pages()}
    stale = [pattern for pattern, _ in codeowners()
             if pattern.startswith("/docs/maatwerk/dorpen/") and pattern.removeprefix("/docs/maatwerk/dorpen/").removesuffix(".*") not in slugs]
    assert not stale, f"CODEOWNERS names village pages that do not exist: {stale}"


def test_contributing_explains_the_placeholder_teams() -> None:
    text = (ROOT / "CONTRIBUTING.md").read_text("utf-8")
    assert f"De organisatie `{PLACEHOLDER_ORG}` bestaat niet." in text
    assert "## Teams in CODEOWNERS" in text and "### Teams in CODEOWNERS" in text


# --- the weekly external link check -----------------------------------------------------------

def links_workflow() -> dict:
    # PyYAML reads the key `on:` as True.
    return load(GITHUB / "workflows" / "links.yml")


def test_link_check_runs_weekly_and_by_hand_never_on_pull_requests_or_pushes() -> None:
    triggers = links_workflow()[True]
    assert set(triggers) == {"schedule", "workflow_dispatch"}
    assert triggers["schedule"][0]["cron"]


def test_link_check_has_least_privilege_per_job() -> None:
    workflow = links_workflow()
    assert workflow["permissions"] == {}
    jobs = workflow["jobs"]
    assert jobs["check"]["permissions"] == {"contents": "read"}
    assert jobs["report"]["permissions"] == {"issues": "write"}
    assert jobs["report"]["needs"] == "check"


def test_link_check_uses_only_the_allowed_pinned_actions_and_runs_the_online_check() -> None:
    text = (GITHUB / "workflows" / "links.yml").read_text("utf-8")
    uses = set(re.findall(r"uses:\s*([^\s#]+)", text))
    assert uses <= ALLOWED_ACTIONS, uses - ALLOWED_ACTIONS
    assert "dom-site links --online --github-output \"$GITHUB_OUTPUT\"" in text
    # The report reaches the script through the environment, never pasted into code.
    assert "${{" not in links_workflow()["jobs"]["report"]["steps"][0]["with"]["script"]


# --- Node tools and the Makefile ---------------------------------------------------------------

def test_node_tools_are_pinned_exactly_and_locked_without_registry_addresses() -> None:
    package = json.loads((ROOT / "package.json").read_text("utf-8"))
    deps = package["devDependencies"]
    assert deps["cspell"] == "9.8.0"
    assert set(deps) == {"cspell", "@cspell/dict-nl-nl", "markdownlint-cli2", "lighthouse", "vnu-jar"}
    assert deps["lighthouse"] == "12.2.3"
    assert deps["vnu-jar"] == "26.9.27"  # the W3C Nu HTML checker (dom_site.checks.site_valid_html)
    assert all(re.fullmatch(r"\d+\.\d+\.\d+", version) for version in deps.values()), deps
    lock = (ROOT / "package-lock.json").read_text("utf-8")
    assert json.loads(lock)["packages"][""]["devDependencies"] == deps
    assert '"resolved"' not in lock and "registry" not in lock


def test_make_setup_installs_the_node_tools_from_the_lock_file() -> None:
    makefile = (ROOT / "Makefile").read_text("utf-8")
    assert re.search(r"^setup:.*node_modules/\.installed", makefile, re.MULTILINE)
    assert re.search(r"^node_modules/\.installed: package-lock\.json\n\tnpm ci --no-audit --no-fund\n", makefile, re.MULTILINE)


# --- CONTRIBUTING ---------------------------------------------------------------------------

def test_contributing_covers_every_topic_in_dutch_and_english() -> None:
    text = (ROOT / "CONTRIBUTING.md").read_text("utf-8")
    dutch = ["## Een wijziging voorstellen met het potlood", "## Een dorpspagina toevoegen of bijwerken",
             "## Vertalingen", "## ID's: vaste nummers die nooit veranderen", "## Wie beslist", "## Schrijfafspraken"]
    english = ["## In English", "### Proposing a change", "### Village pages", "### Translations", "### IDs",
               "### Who decides", "### Writing"]
    for heading in dutch + english:
        assert heading in text, heading
    assert text.index("## In English") > text.index("## Schrijfafspraken")


def test_contributing_has_one_sentence_per_line() -> None:
    in_code = False
    for number, line in enumerate((ROOT / "CONTRIBUTING.md").read_text("utf-8").splitlines(), start=1):
        if line.startswith("```"):
            in_code = not in_code
        if in_code or line.startswith("|"):
            continue
        prose = re.sub(r"`[^`]*`|\([^)]*\)|\"[^\"]*\"", "", line)
        assert not re.search(r"[a-z][.!?] +[A-Z]", prose), f"CONTRIBUTING.md:{number}: two sentences on one line"
