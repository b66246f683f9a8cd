"""Dutch and English headings carry the same ids; every kind of mismatch is refused with file:line."""
from __future__ import annotations

from pathlib import Path

import check_headings
import heading_ids
import pytest
from mkdocs.exceptions import PluginError

NL = """---
title: Voorbeeld
---

# Titel

## Eerste deel {#d-1}

```markdown
## Geen kop in een codeblok
```

### Onderdeel {: #d-2 .klein }

## Laatste deel {#d-3}
"""

EN = """# Title

## First part {#d-1}

### Sub-part {: #d-2 .klein }

## Last part {#d-3}
"""


def messages(english: str, dutch: str = NL) -> list[str]:
    return [str(p) for p in heading_ids.compare("docs/x.md", dutch, "docs/x.en.md", english)]


def test_headings_are_found_with_their_ids_and_lines() -> None:
    found = heading_ids.headings(NL)
    assert [(h.line, h.level, h.id) for h in found] == [(7, 2, "d-1"), (13, 3, "d-2"), (15, 2, "d-3")]


def test_same_ids_in_the_same_order_pass() -> None:
    assert messages(EN) == []


def test_english_id_that_dutch_does_not_have() -> None:
    found = messages(EN.replace("{#d-3}", "{#last-part}"))
    assert "docs/x.en.md:7: het ID #last-part staat niet in de Nederlandse pagina docs/x.md — " in found[0]
    assert "(English: the ID #last-part is not in the Dutch page docs/x.md — use the ID" in found[0]
    assert found[1].startswith("docs/x.en.md:7: de kop #d-3 uit docs/x.md (regel 15) ontbreekt in de Engelse pagina")


def test_heading_without_id() -> None:
    found = messages(EN.replace(" {#d-1}", ""))
    assert found[0].startswith("docs/x.en.md:3: deze kop heeft geen vast ID — zet er hetzelfde {#id} achter")
    assert any("de kop #d-1 uit docs/x.md (regel 7) ontbreekt" in m for m in found)


def test_missing_heading_in_english() -> None:
    found = messages(EN.replace("### Sub-part {: #d-2 .klein }\n\n", ""))
    assert found == [found[0]] and "de kop #d-2 uit docs/x.md (regel 13) ontbreekt" in found[0]


def test_same_id_twice() -> None:
    found = messages(EN.replace("{#d-3}", "{#d-1}"))
    assert found[0].startswith("docs/x.en.md:7: het ID #d-1 staat ook al op regel 3 — ")


def test_other_order() -> None:
    swapped = "# Title\n\n## Last part {#d-3}\n\n## First part {#d-1}\n\n### Sub-part {#d-2}\n"
    found = messages(swapped)
    assert found == ["docs/x.en.md:3: de koppen staan in een andere volgorde dan in docs/x.md (hier #d-3, "
                     "in het Nederlands #d-1) — zet de koppen in dezelfde volgorde als in de Nederlandse pagina "
                     "(English: the headings are in another order than in docs/x.md (here #d-3, in Dutch #d-1) — "
                     "put the headings in the same order as in the Dutch page)"]


def test_only_pages_with_both_languages_are_compared(tmp_path: Path) -> None:
    (tmp_path / "a.md").write_text(NL, "utf-8")
    (tmp_path / "a.en.md").write_text(EN.replace("{#d-1}", "{#one}"), "utf-8")
    (tmp_path / "b.md").write_text(NL, "utf-8")  # not translated yet: nothing to compare
    found = heading_ids.problems(tmp_path)
    assert {p.path for p in found} == {f"{tmp_path.name}/a.en.md"}


def test_build_hook_refuses_a_mismatch(tmp_path: Path) -> None:
    (tmp_path / "a.md").write_text(NL, "utf-8")
    (tmp_path / "a.en.md").write_text(EN.replace("{#d-1}", "{#one}"), "utf-8")

    class Files:
        def documentation_pages(self) -> list[object]:
            return [type("F", (), {"src_uri": name})() for name in ("a.md", "a.en.md")]

    config = type("C", (), {"docs_dir": str(tmp_path)})()
    with pytest.raises(PluginError, match=r"a\.en\.md:3: het ID #one staat niet in de Nederlandse pagina"):
        heading_ids.on_files(Files(), config)  # type: ignore[arg-type]


def test_the_real_docs_pass() -> None:
    assert check_headings.main([]) == 0
