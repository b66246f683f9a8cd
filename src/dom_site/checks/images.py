"""Images: every image has a description (alt text), comes from this site, and stays small.

    .venv/bin/dom-site check afbeeldingen            # docs/ and includes/

- `![beschrijving](foto.jpg)` and `<img alt="…">` need a non-empty description:
  a screen reader reads it aloud instead of the image.
- An inline `<svg>` needs a name for screen readers (`<title>`, `aria-label`,
  `aria-labelledby`) or `aria-hidden="true"` when it only decorates.
- An image comes from docs/: one from another website tells that website who reads.
- Every image file in docs/ is at most 300 kB, because many readers are on a phone
  with a slow connection.
"""
from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import unquote, urlsplit

from bs4 import BeautifulSoup, Tag

from dom_site import raw_html, source
from dom_site.checks.common import Problem, relative
from dom_site.raw_html import without_autolinks

MAX_BYTES = 300 * 1024
IMAGE_SUFFIXES = {".png", ".jpg", ".jpeg", ".gif", ".webp", ".avif", ".svg"}
PHOTO_SUFFIXES = {".jpg", ".jpeg", ".webp", ".avif"}  # compressed already: smaller means fewer pixels or quality
# ![alt](src "title") and ![alt][ref]; the alt text may hold no unescaped ].
MD_IMAGE = re.compile(rf"!\[(?P<alt>(?:\\.|[^\]\\])*)\](?:{source.LINK_DESTINATION}[^)]*\)|\[[^\]]*\])")


def prose_lines(text: str) -> list[tuple[int, str]]:
    """Numbered lines outside front matter, fenced code and comments (an example in a code block is no image)."""
    return source.parse("", text, "").text_lines


def missing_alt(where: str, line: int, what: str, what_en: str) -> Problem:
    return Problem(where, line, f"{what} heeft geen beschrijving (alt-tekst)",
                   "schrijf in een paar woorden wat er op de afbeelding staat, zoals ![Kaart van Elp met de brink](elp.png)",
                   f"{what_en} has no description (alt text)",
                   "say in a few words what the image shows, like ![Map of Elp with the green](elp.png)")


def source_problems(where: str, line: int, page: Path, src: str, docs: Path) -> list[Problem]:
    """An image's address: from this site, and the file exists."""
    parts = urlsplit(src.strip())
    if parts.scheme in {"http", "https", "ftp"} or src.strip().startswith("//"):
        return [Problem(where, line, f"de afbeelding '{src}' komt van een andere website; die ziet dan wie de pagina leest",
                        "zet het bestand in docs/ (naast de pagina) en verwijs ernaar met een relatief pad",
                        f"the image '{src}' comes from another website, which then sees who reads the page",
                        "put the file in docs/ (next to the page) and refer to it with a relative path")]
    if parts.scheme or not parts.path or not page.resolve().is_relative_to(docs.resolve()):
        # data: and the like are refused by the rule `veilig` (dom_site.raw_html); a file in
        # includes/ has no folder of its own for relative paths.
        return []
    target = (docs / unquote(parts.path).lstrip("/")) if parts.path.startswith("/") else (page.parent / unquote(parts.path))
    if not target.exists():
        return [Problem(where, line, f"de afbeelding '{src}' bestaat niet",
                        "controleer de naam en de map van het bestand (hoofdletters tellen mee)",
                        f"the image '{src}' does not exist",
                        "check the file's name and folder (capitals count)")]
    return []


def check_page(page: Path, root: Path) -> list[Problem]:
    where, docs = relative(page, root), root / "docs"
    text = page.read_text(encoding="utf-8", errors="replace")
    problems: list[Problem] = []
    prose = prose_lines(text)
    for number, line in prose:
        for match in MD_IMAGE.finditer(line):
            if not match.group("alt").strip():
                problems.append(missing_alt(where, number, "de afbeelding", "the image"))
            if (address := source.destination(match)) is not None:
                problems += source_problems(where, number, page, address, docs)
    # The same lines for the HTML parser, with code blocks blanked so line numbers stay.
    kept = dict(prose)
    only_prose = "\n".join(kept.get(n, "") for n in range(1, len(text.splitlines()) + 1))
    soup = BeautifulSoup(without_autolinks(only_prose), "html.parser")
    for img in soup.find_all("img"):
        if not isinstance(img, Tag):
            continue
        img_line = img.sourceline or 1
        alt = img.get("alt")
        if not isinstance(alt, str) or not alt.strip():
            problems.append(missing_alt(where, img_line, "<img>", "<img>"))
        src = img.get("src")
        # From another website, or a data:/javascript: address: the rule veilig refuses raw HTML that
        # loads it (dom_site.raw_html), one message; here only whether a file of this site exists.
        if isinstance(src, str) and not raw_html.is_other_host(src) and not raw_html.bad_scheme(src):
            problems += source_problems(where, img_line, page, src, docs)
    for svg in soup.find_all("svg"):
        if not isinstance(svg, Tag):
            continue
        named = svg.get("aria-label") or svg.get("aria-labelledby") or svg.find("title")
        if not named and svg.get("aria-hidden") != "true":
            problems.append(Problem(where, svg.sourceline or 1, "de tekening (<svg>) heeft geen naam voor schermlezers",
                                    "zet er <title>wat de tekening laat zien</title> in, of aria-hidden=\"true\" als hij alleen versiert",
                                    "the drawing (<svg>) has no name for screen readers",
                                    "add <title>what it shows</title>, or aria-hidden=\"true\" if it only decorates"))
    return sorted(problems, key=lambda p: p.line)


def check_size(image: Path, root: Path) -> list[Problem]:
    size = image.stat().st_size
    if size <= MAX_BYTES:
        return []
    kb = (size + 1023) // 1024
    # 1600 pixels is a bound, not a size to make it: a small image that is too large in kB needs
    # another format or quality, and one already in a photo format needs no other format.
    if image.suffix.lower() in PHOTO_SUFFIXES:
        fix_nl = "verklein hem (breder dan 1600 pixels hoeft niet) of sla hem op met een lagere kwaliteit"
        fix_en = "scale it down (wider than 1600 pixels is never needed) or save it at a lower quality"
    else:
        fix_nl = "sla een foto op als .jpg of .webp, of verklein hem (breder dan 1600 pixels hoeft niet)"
        fix_en = "save a photo as .jpg or .webp, or scale it down (wider than 1600 pixels is never needed)"
    return [Problem(relative(image, root), 1, f"de afbeelding is {kb} kB; de grens is {MAX_BYTES // 1024} kB",
                    fix_nl, f"the image is {kb} kB; the limit is {MAX_BYTES // 1024} kB", fix_en)]


def findings(root: Path) -> list[Problem]:
    """The pages in docs/ and includes/ of the project in root, and the images in docs/."""
    problems: list[Problem] = []
    for folder in (root / "docs", root / "includes"):
        for page in sorted(folder.rglob("*.md")):  # nothing when the folder does not exist
            problems += check_page(page, root)
    for image in sorted((root / "docs").rglob("*")):
        if image.is_file() and image.suffix.lower() in IMAGE_SUFFIXES:
            problems += check_size(image, root)
    return problems
