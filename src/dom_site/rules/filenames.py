"""File names under docs/: lowercase, no spaces, a known kind of file, in the right folder.

Why: a file name becomes a web address. `Elp.md` and `elp.md` are different files
on GitHub but the same on some computers; a space becomes `%20` in a link; an
accent breaks a link that someone typed. So every folder and file name is
lowercase ASCII letters, digits and hyphens, followed by one of the known endings:
`.md` (Dutch), `.en.md` (English, next to its Dutch page), images, `.txt`, `.css`.
An English page needs its Dutch page (Dutch is authoritative), and a village page
(Markdown with the village data at the top) belongs in the villages' folder
(docs/maatwerk/dorpen/, or dom-dorpen's `folder`: the rules' settings).
"""
from __future__ import annotations

from collections.abc import Iterator
from pathlib import PurePosixPath

from dom_site import data_file, source
from dom_site.messages import Problem
from dom_site.rules import Context
from dom_site.village_data import VILLAGE_ONLY_KEYS

IMAGE_SUFFIXES = (".png", ".jpg", ".jpeg", ".gif", ".webp", ".avif", ".svg")
ALLOWED_SUFFIXES = (".en.md", ".md", ".txt", ".css", *IMAGE_SUFFIXES)
KNOWN = "Markdown (.md, .en.md), afbeeldingen (.png, .jpg, .webp, .svg), .txt of .css"
KNOWN_EN = "Markdown (.md, .en.md), images (.png, .jpg, .webp, .svg), .txt or .css"


def suggestion(name: str) -> str:
    """The name as it should be (dom_site.source.slug): the village rule suggests the same."""
    return source.slug(name) or "naam"


def split_suffix(name: str) -> tuple[str, str]:
    """(stem, known ending) of a file name; the ending is '' when it is not allowed."""
    lowered = name.lower()
    for suffix in ALLOWED_SUFFIXES:
        if lowered.endswith(suffix) and len(name) > len(suffix):
            return name[: -len(suffix)], name[-len(suffix):]
    return name, ""


def twin_name(model: source.SourceModel, rel: PurePosixPath, good: str) -> str:
    """The name a wrongly named page should have: `good`, unless no page has it as its twin while one page
    beside it in the other language has lost its twin. Then this page is that one's twin, renamed
    (beheer.en.md → 'beheer nieuw.en.md' is to become beheer.en.md again, not beheer-nieuw.en.md)."""
    if model.get(source.twin_path(str(rel.parent / good).removeprefix("./"))) is not None:
        return good
    language = source.language_of(rel.name)
    orphans = [page for page in model if page.language != language and page.path != str(rel)
               and PurePosixPath(page.path).parent == rel.parent and model.twin(page) is None]
    return PurePosixPath(orphans[0].twin).name if len(orphans) == 1 else good


def check(context: Context) -> Iterator[Problem]:
    model = context.model
    docs = model.shown
    villages = PurePosixPath(context.settings.villages)
    folders = sorted({parent for rel in model.files for parent in PurePosixPath(rel).parents if str(parent) != "."})
    for folder in folders:
        if not source.NAME.fullmatch(folder.name):
            good = suggestion(folder.name)
            yield Problem(f"{docs}/{folder}", 1, f"de mapnaam '{folder.name}' mag alleen kleine letters, cijfers en streepjes hebben",
                          f"noem de map '{good}'",
                          f"the folder name '{folder.name}' may only have lowercase letters, digits and hyphens",
                          f"name the folder '{good}'", subject=f"name:{folder}")
    for rel_text in model.files:
        rel = PurePosixPath(rel_text)
        where = f"{docs}/{rel}"
        stem, suffix = split_suffix(rel.name)
        if not suffix:
            yield Problem(where, 1, f"'{rel.name}' is geen soort bestand dat in docs/ hoort",
                          f"zet hier alleen {KNOWN}; haal dit bestand weg",
                          f"'{rel.name}' is not a kind of file that belongs in docs/",
                          f"only {KNOWN_EN} belong here; remove this file", subject=f"name:{rel}")
            continue
        if not source.NAME.fullmatch(stem) or suffix != suffix.lower():
            good = suggestion(stem) + suffix.lower()
            if suffix.lower() in (".md", source.ENGLISH_SUFFIX):
                good = twin_name(model, rel, good)
            # Renamed wrongly, the page has lost its twin and its twin has lost it: that is this one
            # mistake, said here (the rules after this one name those pages by these subjects).
            pages = {rel_text, source.twin_path(rel_text), str(rel.parent / good), source.twin_path(str(rel.parent / good))}
            yield Problem(where, 1, f"de bestandsnaam '{rel.name}' mag alleen kleine letters, cijfers en streepjes hebben "
                          "(geen spaties, hoofdletters of accenten)", f"noem het bestand '{good}'",
                          f"the file name '{rel.name}' may only have lowercase letters, digits and hyphens "
                          "(no spaces, capitals or accents)", f"name the file '{good}'", subject=f"name:{rel}",
                          covers=tuple(sorted(f"page:{page.removeprefix('./')}" for page in pages)))
        page = model.get(rel_text)
        if page is None:
            continue
        if page.language == "en" and model.twin(page) is None:
            dutch = page.twin.rpartition("/")[2]
            yield Problem(where, 1, f"bij deze Engelse pagina ontbreekt de Nederlandse pagina '{dutch}' in dezelfde map",
                          f"maak eerst '{dutch}': het Nederlands is leidend (of haal deze Engelse pagina weg)",
                          f"this English page has no Dutch page '{dutch}' in the same folder",
                          f"write '{dutch}' first: the Dutch text is authoritative (or remove this English page)",
                          subject=f"page:{rel_text}")
        data, _ = data_file.front_matter(page)  # unreadable data: the rule `gegevens` says so
        if data and VILLAGE_ONLY_KEYS & data.keys() and rel.parent != villages:
            target = f"{docs}/{villages}/{rel.name}"
            yield Problem(where, 1, f"dit is een dorpspagina, maar hij staat niet in docs/{villages}/",
                          f"verplaats het bestand naar {target}",
                          f"this is a village page, but it is not in docs/{villages}/",
                          f"move the file to {target}", subject=f"place:{rel_text}")
