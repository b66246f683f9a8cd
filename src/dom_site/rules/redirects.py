"""The redirects in mkdocs.yml (`redirect_maps` of the redirects plugin): old page → new page.

Why: a council member's link to a page that moved must keep working, and the editor who
moves it writes one line in mkdocs.yml. The redirects plugin itself says a slip in
English at no line ("Redirect target 'x' does not exist!"), and one slip it does not
see at all: a redirect from a page that still exists replaces that page with a
"Redirecting..." page, and the build passes. So each line is checked here, before the
build, and a slip is one message at its line in mkdocs.yml:
- the old address is the page's file as it was in docs/ (`over/oud.md`), not a folder or a URL;
- the old page no longer exists (else the redirect would replace it);
- the new page exists in docs/ (or is a full https:// address), written without a leading /.
"""
from __future__ import annotations

from collections.abc import Iterator

from dom_site.data_file import closest
from dom_site.messages import Problem
from dom_site.rules import Context

EXTERNAL = ("http://", "https://")
# A slip of the keyboard ('over/privacyy.md'), not any page whose name looks alike.
SLIP = 0.85


def check(context: Context) -> Iterator[Problem]:
    from dom_site.plugins import setting_line_in  # the plugins' package imports MkDocs: only when there are redirects

    settings = context.settings
    pages = [page for page in context.model.files if page.endswith(".md")]
    config = context.path(settings.config_file)
    for old, new in settings.redirects:
        where = setting_line_in(config, "redirects", "redirect_maps", holding=old)
        subject = f"redirect:{old}"
        if not old.endswith(".md"):
            page = old.strip("/").removesuffix(".html").removesuffix("/index") or "index"
            yield Problem(*where, f"het oude adres '{old}' in redirect_maps is geen .md-bestand",
                          f"schrijf de pagina zoals ze in docs/ stond, bijvoorbeeld '{page}.md'",
                          f"the old address '{old}' in redirect_maps is not a .md file",
                          f"write the page as it was in docs/, for example '{page}.md'", subject=subject)
            continue
        if old in pages:
            yield Problem(*where, f"de pagina '{old}' bestaat nog; de omleiding zou haar vervangen door een "
                          "doorverwijzing", "haal deze regel weg, of verplaats of hernoem eerst de pagina zelf",
                          f"the page '{old}' still exists; the redirect would replace it with a forwarding page",
                          "remove this line, or first move or rename the page itself", subject=subject)
            continue
        target = new.partition("#")[0]
        if new.startswith(EXTERNAL) or target in pages:
            continue
        written = target.lstrip("/")
        meant = written if written in pages else closest(written, pages, cutoff=SLIP)
        if target.startswith("/"):
            wrong_nl = f"de nieuwe pagina '{new}' begint met /"
            wrong_en = f"the new page '{new}' starts with /"
        else:
            wrong_nl = f"de nieuwe pagina '{new}' bestaat niet in docs/"
            wrong_en = f"the new page '{new}' does not exist in docs/"
        yield Problem(*setting_line_in(config, "redirects", "redirect_maps", holding=new), wrong_nl,
                      f"bedoel je '{meant}'? Schrijf dan dat" if meant
                      else "controleer de naam: schrijf het pad van een bestaande pagina binnen docs/, zoals "
                      "'over/index.md'",
                      wrong_en, f"did you mean '{meant}'? Then write that" if meant
                      else "check the name: write the path of an existing page inside docs/, like 'over/index.md'",
                      subject=subject)
