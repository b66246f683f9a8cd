"""One citation of a citable unit, written for people (the clipboard) and for reference managers.

Every format carries the same facts: the organisation, the document, the version
and its date, the section (number and title), the ID and the permanent short link.
The clipboard text of the live site ends with "(geraadpleegd op {datum})", which
the reader's browser fills in (assets/javascripts/cite.js); the files are static,
so they leave the date of access to the reference manager.
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date

from dom_site.dates import long_date

ORGANISATION = "Dorpenoverleg Midden-Drenthe (DOM)"
WORDS = {"nl": {"version": "versie", "accessed": "geraadpleegd op {datum}", "bibtex_language": "dutch",
                "locale": "nl-NL"},
         "en": {"version": "version", "accessed": "accessed {datum}", "bibtex_language": "english",
                "locale": "en-GB"}}
# Names of the download files, next to the short link: /c/<id>/citeer.bib (and /en/c/<id>/…).
FILES = {"bibtex": "citeer.bib", "ris": "citeer.ris", "csl_json": "citeer.json"}



@dataclass(frozen=True)
class Citation:
    lang: str
    document: str
    number: int                 # the section's number on its page (§ 4)
    title: str
    anchor: str                 # r-4
    url: str                    # the permanent short link
    version: str | None = None
    released: date | None = None
    live: bool = True           # the live site: the reader's date of access is added
    organisation: str = ORGANISATION

    @property
    def label(self) -> str:
        return self.anchor.upper()

    @property
    def key(self) -> str:
        return f"dom-{self.anchor}"

    @property
    def titled(self) -> str:
        """The title with the ID, as reference managers show it: 'Wat kan beter (R-4)'."""
        return f"{self.title} ({self.label})"

    @property
    def section(self) -> str:
        return f"§ {self.number}"


def clipboard(c: Citation) -> str:
    """The citation a reader copies with the cite button."""
    w = WORDS[c.lang]
    version = ""
    if c.version is not None and c.released is not None:
        version = f"{w['version']} {c.version} ({long_date(c.released, c.lang)}), "
    accessed = f" ({w['accessed']})" if c.live else ""
    return (f"{c.organisation}, \"{c.document}\", {version}"
            f"{c.section} \"{c.title}\", {c.label}. {c.url}{accessed}")


_BIBTEX_SPECIAL = {"\\": r"\textbackslash{}", "{": r"\{", "}": r"\}", "&": r"\&", "%": r"\%", "$": r"\$",
                   "#": r"\#", "_": r"\_", "~": r"\textasciitilde{}", "^": r"\textasciicircum{}"}


def _tex(text: str) -> str:
    return "".join(_BIBTEX_SPECIAL.get(char, char) for char in text)


def bibtex(c: Citation) -> str:
    """A BibTeX @misc entry (UTF-8); the organisation in double braces, so it is not split into names."""
    w = WORDS[c.lang]
    where = [c.document]
    if c.version is not None and c.released is not None:
        where.append(f"{w['version']} {c.version} ({long_date(c.released, c.lang)})")
    where += [c.section, c.label]
    fields = [("author", "{" + _tex(c.organisation) + "}"), ("title", _tex(c.titled)),
              ("howpublished", _tex(", ".join(where))), ("organization", _tex(c.organisation))]
    if c.version is not None:
        fields.append(("version", _tex(c.version)))
    if c.released is not None:
        fields += [("date", c.released.isoformat()), ("year", str(c.released.year)), ("month", str(c.released.month))]
    fields += [("url", c.url), ("note", _tex(f"{c.section}, {c.label}")), ("language", w["bibtex_language"])]
    body = ",\n".join(f"  {name} = {{{value}}}" for name, value in fields)
    return f"@misc{{{c.key},\n{body}\n}}\n"


def _ris_value(text: str) -> str:
    return " ".join(text.split())


def ris(c: Citation) -> str:
    """An RIS record (type ELEC, a web page), UTF-8, CRLF line ends as the format has them."""
    lines = [("TY", "ELEC"), ("ID", c.key), ("AU", c.organisation), ("TI", c.titled), ("T2", c.document)]
    if c.version is not None:
        lines.append(("ET", c.version))
    if c.released is not None:
        lines += [("PY", str(c.released.year)), ("DA", c.released.strftime("%Y/%m/%d"))]
    lines += [("SE", c.section), ("N1", f"ID {c.label}"), ("UR", c.url), ("PB", c.organisation),
              ("LA", c.lang), ("ER", "")]
    return "".join(f"{tag}  - {_ris_value(value)}\r\n" for tag, value in lines)


def csl_item(c: Citation) -> dict[str, object]:
    """The citation as a CSL-JSON item (what Zotero, Mendeley and citeproc read)."""
    item: dict[str, object] = {
        "id": c.key, "type": "webpage", "title": c.titled, "container-title": c.document,
        "author": [{"literal": c.organisation}], "publisher": c.organisation,
        "section": c.section, "number": c.label, "URL": c.url, "language": WORDS[c.lang]["locale"],
        "note": f"{c.section}, {c.label}",
    }
    if c.version is not None:
        item["edition"] = c.version  # "edition": the frozen edition (release) the citation names
    if c.released is not None:
        item["issued"] = {"date-parts": [[c.released.year, c.released.month, c.released.day]]}
    return item


def csl_json(c: Citation) -> str:
    """A CSL-JSON file: a list with the one item."""
    return json.dumps([csl_item(c)], ensure_ascii=False, indent=2) + "\n"


FORMATS = {"bibtex": bibtex, "ris": ris, "csl_json": csl_json}
