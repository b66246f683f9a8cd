"""Word-level comparison of two texts made of blocks (paragraphs, list items, headings).

A text is a list of `Block`s. The comparison runs over the words of all blocks at
once, so a sentence moved from one paragraph to the next is still found; block
boundaries are tokens too, and the result keeps the blocks of the newer text.

In the HTML, deleted words are in `<del>` and inserted words in `<ins>`, each
starting with a visually hidden word ("verwijderd:" / "toegevoegd:") for screen
readers. The stylesheet adds the visible cues that do not rely on colour
(strike-through and [- -], underline and {+ +}).
"""
from __future__ import annotations

import html
from dataclasses import dataclass
from difflib import SequenceMatcher
from typing import Literal

Kind = Literal["heading", "paragraph", "item", "number"]  # item: bulleted, number: numbered
Op = Literal["equal", "delete", "insert"]

LABELS: dict[str, dict[str, str]] = {
    "nl": {"delete": "verwijderd:", "insert": "toegevoegd:"},
    "en": {"delete": "deleted:", "insert": "inserted:"},
}


@dataclass(frozen=True)
class Block:
    """One block of a text: its kind and its plain-text words."""

    kind: Kind
    text: str

    @property
    def words(self) -> list[str]:
        return self.text.split()


@dataclass(frozen=True)
class Piece:
    """A run of words with the same fate in the comparison."""

    op: Op
    text: str


@dataclass(frozen=True)
class DiffBlock:
    kind: Kind
    pieces: tuple[Piece, ...]


Token = tuple[str, str]  # ("w", word) or ("b", kind of the block that starts here)


def tokens(blocks: list[Block]) -> list[Token]:
    out: list[Token] = []
    for block in blocks:
        out.append(("b", block.kind))
        out += [("w", word) for word in block.words]
    return out


def same_words(old: list[Block], new: list[Block]) -> bool:
    """True when both texts have the same words in the same blocks (whitespace aside)."""
    return tokens(old) == tokens(new)


def compare(old: list[Block], new: list[Block]) -> list[DiffBlock]:
    """The newer text's blocks, each with its words marked equal, deleted or inserted."""
    a, b = tokens(old), tokens(new)
    result: list[tuple[Kind, list[tuple[Op, str]]]] = []

    def current() -> list[tuple[Op, str]]:
        if not result:
            result.append(("paragraph", []))
        return result[-1][1]

    def emit(op: Op, token: Token) -> None:
        kind, value = token
        if kind == "b":
            if op != "delete":  # the newer text's block structure wins
                result.append((_kind(value), []))
            return
        current().append((op, value))

    matcher = SequenceMatcher(None, a, b, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            for token in b[j1:j2]:
                emit("equal", token)
            continue
        for token in a[i1:i2]:
            emit("delete", token)
        for token in b[j1:j2]:
            emit("insert", token)
    return [DiffBlock(kind, tuple(_runs(words))) for kind, words in result if words]


def _kind(value: str) -> Kind:
    if value == "heading":
        return "heading"
    if value in ("item", "number"):
        return "item" if value == "item" else "number"
    return "paragraph"


def _runs(words: list[tuple[Op, str]]) -> list[Piece]:
    pieces: list[Piece] = []
    for op, word in words:
        if pieces and pieces[-1].op == op:
            pieces[-1] = Piece(op, f"{pieces[-1].text} {word}")
        else:
            pieces.append(Piece(op, word))
    return pieces


def changed_words(diff: list[DiffBlock]) -> tuple[int, int]:
    """How many words were deleted and inserted."""
    deleted = sum(len(p.text.split()) for block in diff for p in block.pieces if p.op == "delete")
    inserted = sum(len(p.text.split()) for block in diff for p in block.pieces if p.op == "insert")
    return deleted, inserted


def piece_html(piece: Piece, lang: str) -> str:
    text = html.escape(piece.text)
    if piece.op == "equal":
        return text
    tag = "del" if piece.op == "delete" else "ins"
    label = LABELS[lang][piece.op]
    return f'<{tag}><span class="visually-hidden">{label} </span>{text}</{tag}>'


def _grouped(kinds_and_inner: list[tuple[Kind, str]]) -> str:
    """Blocks as HTML: consecutive items in one list (bulleted or numbered), headings in bold."""
    out: list[str] = []
    open_list: str | None = None
    for kind, inner in kinds_and_inner:
        wanted = {"item": "ul", "number": "ol"}.get(kind)
        if open_list and wanted != open_list:
            out.append(f"</{open_list}>")
            open_list = None
        if wanted and not open_list:
            out.append(f"<{wanted}>")
            open_list = wanted
        if wanted:
            out.append(f"<li>{inner}</li>")
        elif kind == "heading":
            out.append(f'<p class="history-heading"><strong>{inner}</strong></p>')
        else:
            out.append(f"<p>{inner}</p>")
    if open_list:
        out.append(f"</{open_list}>")
    return "\n".join(out)


def blocks_html(blocks: list[Block]) -> str:
    return _grouped([(block.kind, html.escape(block.text)) for block in blocks])


def diff_html(diff: list[DiffBlock], lang: str) -> str:
    return _grouped([(block.kind, " ".join(piece_html(p, lang) for p in block.pieces)) for block in diff])
