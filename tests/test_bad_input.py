"""Bad input an editor could plausibly submit: each one is refused with a message that names file and line.

Every case applies one change to a temporary copy of the project, runs what guards
against it, and asserts that it fails with the right Dutch message at the right place.
A check runs as the command an editor types (`dom-site check <name>`), on the copy, in this
process (tests/test_content_checks.py runs the command line itself as a smoke test). What
`make build` refuses is refused by the strict MkDocs build of the real configuration,
run in this process on the copy; `make build` itself, failing with `file:line` and
leaving no site/, no site.tmp/ and no process behind, is tests/test_build.py's smoke test.
"""
from __future__ import annotations

import re
import subprocess
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import builds
import pytest
from conftest import ROOT
from project_copy import copy_project, edit


def insert_after(path: Path, anchor: str, text: str) -> None:
    edit(path, anchor, anchor + text)


def rename(old: str, new: str) -> Callable[[Path], None]:
    def change(project: Path) -> None:
        (project / old).parent.joinpath(Path(new).name)
        target = project / new
        target.parent.mkdir(parents=True, exist_ok=True)
        (project / old).rename(target)
    return change


@dataclass(frozen=True)
class Case:
    name: str
    change: Callable[[Path], None]
    command: str            # "make build", or the arguments of dom-site ("check koppen …")
    where: str              # "path:line" the message must start with; "path:@text": the line that holds text
    says: str               # the Dutch words it must contain
    alone: bool = False     # and no other message: several rules see this mistake, one says it


ELP = "docs/maatwerk/dorpen/elp.md"
FIN = "docs/draaiboek/financiering.md"
FIN_EN = "docs/draaiboek/financiering.en.md"
PRIVACY = "docs/over/privacy.md"

CASES = [
    # One mistake on a village page, three rules that saw it (the list 'bronnen', the registry, the
    # written-out text): one message, at the line written by hand.
    Case("footnote written by hand on a village page",
         lambda p: insert_after(p / ELP, "## Vragen aan het dorp {#vragen}\n",
                                "\nEen groep wil bouwen.[^1]\n\n[^1]: Dorpsvereniging, nieuwsbrief.\n"),
         "check dorpen bronnen", f"{ELP}:@[^1]: Dorpsvereniging", "schrijft de bron [^1] zelf uit", alone=True),
    Case("broken front matter YAML", lambda p: edit(p / ELP, "soort: esdorp", "soort: [esdorp"),
         "check bestandsnamen veilig dorpen koppen citeren bronnen feiten", f"{ELP}:", "gegevens"),
    # MkDocs shows the data as text: markdownlint saw no title and the spelling saw words; one mistake.
    Case("data block never closed", lambda p: edit(p / ELP, "laatst_bekeken: 2026-12-02\n---\n", "laatst_bekeken: 2026-12-02\n"),
         "check gegevens dorpen spelling markdown", f"{ELP}:1:", "hebben geen regel --- eronder", alone=True),
    # A second block above the first: MkDocs read the title only and showed the village's data as a heading;
    # the village rule missed six fields, spelling and markdownlint saw text (found by a probe: 17 messages).
    Case("data block written twice",
         lambda p: (p / ELP).write_text("---\ntitle: Elp\n---\n" + (p / ELP).read_text("utf-8"), "utf-8"),
         "check gegevens dorpen spelling markdown feiten", f"{ELP}:4:", "haal de regels --- op regel 3 en 4 weg",
         alone=True),
    Case("mistyped field", lambda p: edit(p / ELP, "soort: esdorp", "sort: esdorp"),
         "check bestandsnamen veilig dorpen koppen citeren bronnen feiten", f"{ELP}:@sort: esdorp", "sort"),
    Case("kind not allowed", lambda p: edit(p / ELP, "soort: esdorp", "soort: stad"),
         "check bestandsnamen veilig dorpen koppen citeren bronnen feiten", f"{ELP}:@soort: stad", "soort"),
    Case("date that does not parse",
         lambda p: (p / ELP).write_text(re.sub(r"laatst_bekeken: \S+", "laatst_bekeken: 31-02-2026",
                                               (p / ELP).read_text("utf-8"), count=1), "utf-8"),
         "check bestandsnamen veilig dorpen koppen citeren bronnen feiten", f"{ELP}:@laatst_bekeken:", "klopt de datum laatst_bekeken niet"),
    Case("ID missing in the translation", lambda p: edit(p / FIN_EN, " {#d-41}", " {#make-a-budget}"),
         "check bestandsnamen veilig dorpen koppen citeren bronnen feiten", f"{FIN_EN}:@{{#make-a-budget}}",
         "hoort #d-41 te zijn", alone=True),
    Case("duplicate ID", lambda p: edit(p / FIN, "### Vraag de startsubsidie van de provincie aan {#d-42}",
                                        "### Vraag de startsubsidie van de provincie aan {#d-41}"),
         "check bestandsnamen veilig dorpen koppen citeren bronnen feiten", f"{FIN}:@startsubsidie van de provincie aan {{#d-41}}", "zet {#d-42} terug achter deze kop"),
    Case("unregistered ID", lambda p: (edit(p / FIN, "{#d-41}", "{#d-999}"), edit(p / FIN_EN, "{#d-41}", "{#d-999}")),
         "check bestandsnamen veilig dorpen koppen citeren bronnen feiten", f"{FIN}:@{{#d-999}}", "staat niet in het register"),
    Case("malformed ID", lambda p: edit(p / FIN, "{#d-41}", "{#D-41}"),
         "check bestandsnamen veilig dorpen koppen citeren bronnen feiten", f"{FIN}:@{{#D-41}}", "hoort #d-41 te zijn",
         alone=True),
    # Found in review: the wrong ID is another page's registered ID; it is still this heading to fix.
    Case("ID changed into another page's ID", lambda p: edit(p / FIN, "{#d-41}", "{#d-14}"),
         "check koppen citeren", f"{FIN}:@{{#d-14}}", "hoort #d-41 te zijn", alone=True),
    # markdownlint quotes a long address shortened ("http://www.middendrenthe.nl/wo..."): still one message.
    Case("long bare http address", lambda p: insert_after(p / PRIVACY, "\n", "\nZie http://www.middendrenthe.nl/wonen/woonvisie-2023 voor meer.\n"),
         "check markdown adressen", f"{PRIVACY}:3:", "maak er een link van met het https://-adres", alone=True),
    Case("malformed ID in both languages", lambda p: (edit(p / FIN, "{#d-41}", "{#D-41}"), edit(p / FIN_EN, "{#d-41}", "{#D-41}")),
         "check koppen citeren", f"{FIN}:@{{#D-41}}", "mag alleen kleine letters"),
    Case("registered ID removed", lambda p: (edit(p / FIN, " {#d-41}", ""), edit(p / FIN_EN, " {#d-41}", "")),
         "check bestandsnamen veilig dorpen koppen citeren bronnen feiten", f"{FIN}:@Maak een begroting", "het register noemt {#d-41} voor deze pagina"),
    # Python-Markdown makes it a heading all the same: markdownlint's one message, not also "ID missing".
    Case("heading without a space", lambda p: edit(p / FIN, "### Maak een begroting {#d-41}", "###Maak een begroting {#d-41}"),
         "check koppen citeren markdown", f"{FIN}:@###Maak een begroting", "MD018", alone=True),
    Case("English heading at another level", lambda p: edit(p / FIN_EN, "### Make a budget {#d-41}", "## Make a budget {#d-41}"),
         "check koppen citeren markdown", f"{FIN_EN}:@## Make a budget", "schrijf ### voor deze kop", alone=True),
    # The registry names a page that is not there: the slip is in registry/ids.yml, not on the page.
    Case("registry names a page that does not exist",
         lambda p: edit(p / "registry/ids.yml", "d-14: {page: draaiboek/organiseren.md", "d-14: {page: draaiboek/organiseer.md"),
         "check koppen citeren", "registry/ids.yml:@d-14: {page: draaiboek/organiseer.md",
         "schrijf page: draaiboek/organiseren.md", alone=True),
    # YAML reads 1.1 as a number; the fix is the version as text, not what the editor wrote.
    Case("version without quotation marks",
         lambda p: edit(p / "registry/ids.yml", 'd-73: {page: draaiboek/index.md, status: active, since: "1.1"}',
                        "d-73: {page: draaiboek/index.md, status: active, since: 1.1}"),
         "check citeren", "registry/ids.yml:@since: 1.1}", "schrijf het zo: 'since: \"1.1\"'", alone=True),
    # New since release 1.0 but written as in it: the changelog, the feed and onderdelen.json would call it old.
    Case("since names a release the unit was not in",
         lambda p: edit(p / "registry/ids.yml", 'd-73: {page: draaiboek/index.md, status: active, since: "1.1"}',
                        'd-73: {page: draaiboek/index.md, status: active, since: "1.0"}'),
         "check citeren", "registry/ids.yml:@d-73: {page", 'versie 1.0 had d-73 nog niet; het is nieuw in versie 1.1', alone=True),
    # Changed in the English page only: English readers read a figure the Dutch text does not say.
    Case("amount changed in the translation only",
         lambda p: edit(p / FIN_EN, "(CPO), up to € 10,000.", "(CPO), up to € 100,000."),
         "check", f"{FIN_EN}:@up to € 100,000.", "daar staat '€ 10.000' (docs/draaiboek/financiering.md:36)", alone=True),
    # A source left out of the English village page: the village rule and the translation rule see it; one
    # message, at the sentence, with the key.
    Case("footnote left out of a translated village page",
         lambda p: edit(p / "docs/maatwerk/dorpen/lieving.en.md", "next to Lieving.[^erfgoedcms-dorpen-m]", "next to Lieving."),
         "check", "docs/maatwerk/dorpen/lieving.en.md:@next to Lieving.", "zet [^erfgoedcms-dorpen-m] achter dezelfde zin",
         alone=True),
    # The facts rule sees the year without its footnote: one message, the translation rule's, with the key.
    Case("footnote left out of a translated draaiboek page",
         lambda p: edit(p / FIN_EN, "too.[^blik-subsidie-woonvormen-2021]", "too."),
         "check", f"{FIN_EN}:@The conditions are there too.", "zet [^blik-subsidie-woonvormen-2021] achter dezelfde zin",
         alone=True),
    # Retired in the registry while the section is still there: set it back, or a new number for a new unit.
    Case("ID retired while its section is still there",
         lambda p: edit(p / "registry/ids.yml", "d-66: {page: draaiboek/beheer.md, status: active",
                        "d-66: {page: draaiboek/beheer.md, status: retired"),
         "check citeren", "docs/draaiboek/beheer.md:@{#d-66}", "zet dan in registry/ids.yml status: active terug"),
    Case("heading ids differ between languages",
         lambda p: edit(p / "docs/over/privacy.en.md", "{#geen-cookies}", "{#no-cookies}"),
         "check bestandsnamen veilig dorpen koppen citeren bronnen feiten", "docs/over/privacy.en.md:@{#no-cookies}", "no-cookies"),
    # A group's title without its colon: YAML reads it and its pages as one name. MkDocs warned of
    # the entry and of each page not in the menu, and the phase diagram of its page (a probe: 12 messages).
    Case("menu group without its colon", lambda p: edit(p / "mkdocs.yml", "  - Draaiboek:\n", "  - Draaiboek\n"),
         "make build", "mkdocs.yml:@  - Draaiboek", "staat geen dubbele punt achter 'Draaiboek'", alone=True),
    # A slip in a chapter's name in the menu: the menu's message, not also the phase diagram's "create it".
    Case("chapter misnamed in the menu",
         lambda p: edit(p / "mkdocs.yml", "- draaiboek/financiering.md", "- draaiboek/financieren.md"),
         "make build", "mkdocs.yml:@draaiboek/financieren.md", "bedoel je 'draaiboek/financiering.md'", alone=True),
    # A name put in the word list as a list item: cspell read "- Drijber", and every page that names
    # Drijber was a message, with "- Drijber" as its suggestion (found by a probe).
    Case("word list entry written as a list item", lambda p: edit(p / "cspell-woorden.txt", "\nDrijber\n", "\n- Drijber\n"),
         "check spelling", "cspell-woorden.txt:@- Drijber", "schrijf alleen het woord: 'Drijber'", alone=True),
    Case("broken link", lambda p: insert_after(p / PRIVACY, "\n", "Zie [de kaart](../kaart.md).\n"),
         "make build", f"{PRIVACY}:2:", "wijst naar een pagina die niet bestaat"),
    Case("broken anchor", lambda p: insert_after(p / PRIVACY, "\n", "Zie [R-99](../reactie/index.md#r-99).\n"),
         "make build", f"{PRIVACY}:2:", "wijst naar een onderdeel (#…) dat niet bestaat"),
    Case("image without alt text", lambda p: insert_after(p / PRIVACY, "\n", "![](../assets/kaart.png)\n"),
         "check afbeeldingen", f"{PRIVACY}:2:", "geen beschrijving (alt-tekst)"),
    # markdownlint (MD045) said it too, with its own fix: the check afbeeldingen says it once.
    Case("image without alt text, every check",
         lambda p: ((p / "docs/over/kaart.png").write_bytes(b"\x89PNG\r\n\x1a\n"),
                    insert_after(p / PRIVACY, "\n", "\n![](kaart.png)\n")),
         "check markdown afbeeldingen", f"{PRIVACY}:3:", "the image has no description (alt text)", alone=True),
    # What would reach a browser runs the real pipeline: the build refuses it before any page renders.
    Case("raw script", lambda p: insert_after(p / PRIVACY, "\n", "<script>alert(1)</script>\n"),
         "make build", f"{PRIVACY}:2:", "<script> is niet toegestaan"),
    Case("tracking iframe", lambda p: insert_after(p / PRIVACY, "\n", '<iframe src="https://tracker.example/"></iframe>\n'),
         "make build", f"{PRIVACY}:2:", "<iframe> is niet toegestaan"),
    Case("event handler", lambda p: insert_after(p / PRIVACY, "\n", '<img src="x.png" alt="x" onerror="steal()">\n'),
         "make build", f"{PRIVACY}:2:", "onerror"),
    Case("external image", lambda p: insert_after(p / PRIVACY, "\n", '<img src="https://tracker.example/p.gif" alt="">\n'),
         "make build", f"{PRIVACY}:2:", "laadt iets van een andere website"),
    Case("external image, every check",
         lambda p: insert_after(p / PRIVACY, "\n", '<img src="https://tracker.example/schema.png" alt="Schema">\n'),
         "check veilig afbeeldingen", f"{PRIVACY}:2:", "laadt iets van een andere website", alone=True),
    Case("javascript: link", lambda p: insert_after(p / PRIVACY, "\n", "[klik](javascript:alert(1))\n"),
         "make build", f"{PRIVACY}:2:", "een 'javascript:'-adres is niet toegestaan"),
    Case("script in a single-file check", lambda p: insert_after(p / PRIVACY, "\n", "<script>alert(1)</script>\n"),
         "check veilig", f"{PRIVACY}:2:", "<script> is niet toegestaan"),
    Case("misspelling", lambda p: insert_after(p / PRIVACY, "\n", "Wij bewaren geen gegegevens.\n"),
         "check spelling", f"{PRIVACY}:2:", "'gegegevens' staat niet in het woordenboek"),
    Case("unclosed admonition", lambda p: insert_after(p / PRIVACY, "\n", '\n!!! note "Let op\n\nDeze tekst hoort in het blok.\n'),
         "check markdown", f"{PRIVACY}:3:", "mist een aanhalingsteken"),
    Case("admonition title without quotation marks",
         lambda p: insert_after(p / PRIVACY, "\n", '\n!!! info Eerst bouwen binnen het dorp\n\n    Deze tekst hoort in het blok.\n'),
         "check markdown", f"{PRIVACY}:3:", 'schrijf !!! info "Eerst bouwen binnen het dorp"', alone=True),
    # What Python-Markdown shows as plain text without a word, and markdownlint lets pass (found by a helper's probe).
    Case("tab title without quotation marks",
         lambda p: insert_after(p / PRIVACY, "\n", "\n=== Vereniging\n\n    Een vereniging heeft leden.\n"),
         "check markdown", f"{PRIVACY}:3:", 'schrijf === "Vereniging"', alone=True),
    Case("task list box written wrongly", lambda p: insert_after(p / PRIVACY, "\n", "\n- [] De verzekering is geregeld.\n"),
         "check markdown", f"{PRIVACY}:3:", "het vakje van deze takenlijst is verkeerd geschreven", alone=True),
    Case("bold left open", lambda p: edit(p / "docs/draaiboek/index.md", "**DOM** is een vereniging", "**DOM is een vereniging"),
         "check markdown spelling", "docs/draaiboek/index.md:@**DOM is een", "vet begint hier met ** maar sluit niet",
         alone=True),
    Case("table without its line of dashes",
         lambda p: insert_after(p / PRIVACY, "\n", "\n| Rechtsvorm | Hoe werkt het? |\n| Vereniging | Met leden. |\n"),
         "check markdown", f"{PRIVACY}:4:", "zet deze regel erboven: | --- | --- |", alone=True),
    Case("note to the writers left in", lambda p: insert_after(p / PRIVACY, "\n", "\nHet adres volgt later (TODO).\n"),
         "check markdown", f"{PRIVACY}:3:", "hier staat nog een notitie voor de schrijvers (TODO)", alone=True),
    Case("admonition body not indented", lambda p: insert_after(p / PRIVACY, "\n", "\n!!! tip\n\nDeze tekst hoort in het blok.\n"),
         "check markdown", f"{PRIVACY}:3:", "het blok is leeg"),
    Case("tab-indented list", lambda p: insert_after(p / PRIVACY, "\n", "\n- een\n\t- twee\n"),
         "check markdown", f"{PRIVACY}:4:", "tab"),
    # A source that is not in the registry, cited on a village page: the village rule (not in the list
    # 'bronnen') and the sources rule (not in the registry) saw it; one message, with both steps.
    Case("unknown source on a village page",
         lambda p: insert_after(p / ELP, "## Vragen aan het dorp {#vragen}\n", "\nEen groep wil bouwen.[^elp-nieuws]\n"),
         "check dorpen bronnen", f"{ELP}:@[^elp-nieuws]", "zet elp-nieuws ook in de lijst 'bronnen'", alone=True),
    # A sources file that is not valid YAML: its one message, not also one for every footnote citing a
    # source in it (before: each of them "not in the registry").
    Case("sources file indented wrongly",
         lambda p: edit(p / "registry/bronnen/draaiboek-a.yml", "  titel: Leefbaarheid en plattelandsontwikkeling",
                        " titel: Leefbaarheid en plattelandsontwikkeling"),
         "check bronnen dorpen", "registry/bronnen/draaiboek-a.yml:7:", "geen geldige YAML", alone=True),
    # markdownlint's bare address and the addresses check's https: one mistake, one fix for both.
    Case("bare http address", lambda p: insert_after(p / PRIVACY, "\n", "\nZie http://www.middendrenthe.nl voor meer.\n"),
         "check markdown adressen", f"{PRIVACY}:3:", "maak er een link van met het https://-adres", alone=True),
    # A code block never closed: the site shows it as text. Before, the source model read the rest
    # of the page as code (the renderer does not) and said each ID it thought lost: 14 messages.
    Case("code block never closed", lambda p: insert_after(p / FIN, "{#d-41}\n", "\n```text\nvoorbeeld\n"),
         "check codeblokken koppen citeren", f"{FIN}:@```text", "wordt nergens gesloten", alone=True),
    Case("amount without footnote", lambda p: insert_after(p / FIN, "\n", "\nDe gemeente geeft € 5.000 extra.\n"),
         "check feiten", f"{FIN}:3:", "€"),
    # The home page and the pages about the site state facts too (only the letter itself is DOM's text).
    Case("amount without footnote on the home page",
         lambda p: insert_after(p / "docs/index.md", "DOM is een vereniging.[^welzijnswerk-dorpenoverleg]\n",
                                "De contributie is € 25 per jaar.\n"),
         "check feiten", "docs/index.md:@De contributie is € 25", "'€ 25' is een bedrag zonder voetnoot", alone=True),
    # The facts rule wants a source, markdownlint a link: one message with both (found by a helper's probe).
    Case("bare e-mail address without a source",
         lambda p: insert_after(p / "docs/index.md", "DOM is een vereniging.[^welzijnswerk-dorpenoverleg]\n",
                                "Mail naar info@dorpenoverleg.example met vragen.\n"),
         "check feiten markdown", "docs/index.md:@Mail naar info@", "maak er een link van, "
         "[info@dorpenoverleg.example](mailto:info@dorpenoverleg.example); en zet achter deze zin de voetnoot",
         alone=True),
    # A figure the Dutch text does not have: remove it, not also "give it a source" (found by a helper's probe).
    Case("date added to the English page only",
         lambda p: edit(p / "docs/reactie/index.en.md", "\n## ", "\nThe meeting was on 12 March 2024.\n\n## "),
         "check vertaling feiten", "docs/reactie/index.en.md:@The meeting was on", "staat niet in de Nederlandse "
         "tekst van dit deel", alone=True),
    # A figure whose footnote stands after the next sentence only: that source may say the next sentence only.
    Case("fact sourced only by the next sentence",
         lambda p: edit(p / "docs/draaiboek/organiseren.md", "€ 60,6 miljoen.[^rijksoverheid-fonds-cooperatief-wonen]",
                        "€ 60,6 miljoen."),
         "check bestandsnamen veilig dorpen koppen citeren bronnen feiten vertaling",
         "docs/draaiboek/organiseren.md:@€ 60,6 miljoen.", "zegt [^rijksoverheid-fonds-cooperatief-wonen] het, zet dan",
         alone=True),
    Case("footnote without source", lambda p: insert_after(p / FIN, "\n", "\nDit staat ergens.[^s99]\n"),
         "make build", f"{FIN}:3:", "[^s99] staat niet in het bronnenregister"),
    Case("home page as a source",
         lambda p: (insert_after(p / FIN, "\n", "\nDit staat ergens.[^provincie-home]\n"),
                    (p / "registry/bronnen/draaiboek-b.yml").open("a").write(
                        "\nprovincie-home:\n  uitgever: Provincie Drenthe\n  titel: Home\n"
                        "  adres: https://www.drenthe.example/\n  gelezen: 2026-12-02\n")),
         "make build", "registry/bronnen/draaiboek-b.yml:@adres: https://www.drenthe.example/",
         "is de beginpagina van een site"),
    # Python-Markdown shows [^key] as text when the key has a space or the footnote stands in HTML:
    # the fact would lose its source without a word (found by a helper's probe).
    Case("footnote key with a space",
         lambda p: edit(p / "docs/draaiboek/organiseren.md", "grond.[^zin-stappenplan-cpo]", "grond.[^zin stappenplan-cpo]"),
         "check bronnen spelling", "docs/draaiboek/organiseren.md:@grond.[^zin stappenplan-cpo]",
         "heeft een spatie in de sleutel; zo ziet de lezer hem als tekst — schrijf [^zin-stappenplan-cpo]", alone=True),
    Case("footnote in a pasted table",
         lambda p: insert_after(p / ELP, "Dat staat op Wikipedia.[^wikipedia-midden-drenthe]\n",
                                "\n<table>\n<tr><th>Jaar</th><th>Inwoners</th></tr>\n"
                                "<tr><td>2023</td><td>380[^wikipedia-midden-drenthe]</td></tr>\n</table>\n"),
         "make build", f"{ELP}:@380[^", "komt als tekst op de pagina, niet als voetnoot"),
    # Raw HTML keeps Markdown as text: readers saw the stars, and no check followed the link (found by a helper's probe).
    Case("Markdown inside an HTML block without markdown",
         lambda p: insert_after(p / PRIVACY, "\n", '\n<div class="tip">\nZie **bij** en [Begrippen](../draaiboek/begrippen.md).\n</div>\n'),
         "make build", f"{PRIVACY}:3:", 'schrijf markdown in de tag die het blok opent: <div class="tip" markdown>'),
    Case("glossary term explained again on a page", lambda p: insert_after(p / PRIVACY, "\n", "*[woonvisie]: Iets anders.\n"),
         "make build", f"{PRIVACY}:2:", "staat al in de begrippenlijst"),
    Case("village page in the wrong folder", rename(ELP, "docs/maatwerk/elp.md"),
         "check bestandsnamen veilig dorpen koppen citeren bronnen feiten", "docs/maatwerk/elp.md:1:", "staat niet in docs/maatwerk/dorpen/"),
    Case("uppercase file name", rename("docs/over/privacy.en.md", "docs/over/Privacy.en.md"),
         "check bestandsnamen veilig dorpen koppen citeren bronnen feiten", "docs/over/Privacy.en.md:1:", "kleine letters",
         alone=True),
    # Only the Dutch page renamed: it lost its translation, the translation lost it, and the registry's
    # eleven IDs their page. All one mistake (found by a helper's probe: it was 14 messages).
    Case("only the Dutch page renamed with a capital", rename("docs/draaiboek/beheer.md", "docs/draaiboek/Beheer.md"),
         "check bestandsnamen veilig dorpen koppen citeren bronnen feiten vertaling", "docs/draaiboek/Beheer.md:1:",
         "noem het bestand 'beheer.md'", alone=True),
    # A village page's name and its file name then differ too: still the one file name message.
    Case("village page renamed with a capital",
         rename("docs/maatwerk/dorpen/balinge.md", "docs/maatwerk/dorpen/Balinge.md"),
         "check bestandsnamen veilig dorpen koppen citeren bronnen feiten vertaling",
         "docs/maatwerk/dorpen/Balinge.md:1:", "noem het bestand 'balinge.md'", alone=True),
    # The name to give it is its Dutch page's twin, not 'privacy-beleid.en.md', which would pair with nothing (and
    # "privacy.md has no translation" was a second message; found by a helper's probe).
    Case("file name with a space", rename("docs/over/privacy.en.md", "docs/over/privacy beleid.en.md"),
         "check bestandsnamen veilig dorpen koppen citeren bronnen feiten vertaling", "docs/over/privacy beleid.en.md:1:",
         "noem het bestand 'privacy.en.md'", alone=True),
    Case("word changed in the submitted response",
         lambda p: edit(p / "docs/reactie/zoals-ingediend.md", "Met veel waardering", "Met grote waardering"),
         "check --build site-letterlijk", "docs/reactie/zoals-ingediend.md:", "woord 2 wijkt af van de ingediende tekst: \"grote\" staat er, \"veel\" hoort er"),
    # Emphasis added to the letter: DOM did not submit it (and the word comparison blamed a full stop).
    Case("bold added to the submitted response",
         lambda p: edit(p / "docs/reactie/zoals-ingediend.md", "de concept woonvisie doorgenomen.", "de **concept woonvisie** doorgenomen."),
         "check --build site-letterlijk", "docs/reactie/zoals-ingediend.md:@**concept woonvisie**",
         "staat opmaak die de brief niet heeft (<strong> om \"concept woonvisie\")", alone=True),
]


def resolve(project: Path, where: str) -> str:
    """"path:@text" becomes "path:N:", N being the line (after the change) that holds text."""
    if ":@" not in where:
        return where
    path, needle = where.split(":@", 1)
    for number, line in enumerate((project / path).read_text("utf-8").splitlines(), start=1):
        if needle in line:
            return f"{path}:{number}:"
    raise AssertionError(f"{needle!r} not in {path}")


# A bad input that reaches the build is refused quickly: within a minute, also on a busy machine.
LIMIT_SECONDS = 60


def run(project: Path, command: str) -> builds.Built:
    start = time.monotonic()
    if command == "make build":
        done = builds.build(project / "mkdocs.yml", site_dir=project / "site.tmp")
    else:
        done = builds.command(command.split(), project)
    assert time.monotonic() - start < LIMIT_SECONDS, "a bad input must be refused within a minute"
    return done


def processes_in(folder: Path) -> list[str]:
    """Processes still running with this folder in their command line or working directory."""
    listing = subprocess.run(["ps", "-eo", "pid=,args="], capture_output=True, text=True, timeout=10).stdout
    return [line for line in listing.splitlines() if str(folder) in line and "ps -eo" not in line]


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_bad_input_is_refused_with_file_line_and_dutch_message(tmp_path: Path, case: Case) -> None:
    if case.command == "make build":  # the build reads docs/, mkdocs.yml and its watched folders only
        project = tmp_path / "project"
        builds.docs_copy(project)
    else:
        project = copy_project(tmp_path / "project")
        (project / "node_modules").symlink_to(ROOT / "node_modules")
    case.change(project)
    result = run(project, case.command)
    output = result.stdout + result.stderr
    assert result.returncode != 0, f"{case.command} accepted it:\n{output[-2000:]}"
    where = resolve(project, case.where)
    lines = [line for line in output.splitlines() if line.startswith(where)]
    assert lines, f"no message at {where}:\n{output[-3000:]}"
    assert any(case.says in line and " — " in line and "(English: " in line for line in lines), "\n".join(lines)
    if case.alone and case.command == "make build":  # the build prints no count: its editor's lines are counted
        assert len(re.findall(r"(?m)^[^\s:]+:\d+: ", output)) == 1, output[-3000:]
    elif case.alone:
        assert "\n1 fout(en)" in output, output[-3000:]
    assert not (project / "site").exists(), "a refused change must leave nothing to deploy"
    assert processes_in(project) == [], "every step ends with its children"


def test_there_are_at_least_twenty_cases() -> None:
    assert len(CASES) >= 20
