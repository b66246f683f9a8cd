"""Draw the village map as inline SVG, at build time.

Why SVG from our own data: no tile server, no script, no third-party request,
and it works without JavaScript and in dark mode (everything is `currentColor`).
Each village is an SVG `<a href>`: a keyboard stop with an accessible name.
Not a plugin itself; `dom_site.plugins.villages` (dom-dorpen) calls `render_map`.
"""
from __future__ import annotations

import math
from dataclasses import dataclass
from html import escape

KM_PER_DEGREE_LAT = 111.2
PX_PER_KM = 17.0  # about 20 km north-south fits in ~350 px; text stays readable on a phone
FONT_SIZE = 16
POINT_RADIUS = 6
MARGIN = 14


@dataclass(frozen=True)
class MapPoint:
    """A village with coordinates, and the URL of its page relative to the map page."""

    naam: str
    href: str
    lat: float
    lon: float


@dataclass(frozen=True)
class MapText:
    """The words around the map, in the page's language."""

    label: str  # accessible name of the whole map
    caption: str
    north: str  # letter for the north arrow
    scale: str  # e.g. "5 km"


Box = tuple[float, float, float, float]  # x0, y0, x1, y1


def _overlap(a: Box, b: Box) -> float:
    width = min(a[2], b[2]) - max(a[0], b[0])
    height = min(a[3], b[3]) - max(a[1], b[1])
    return width * height if width > 0 and height > 0 else 0.0


def _text_width(text: str) -> float:
    # A rough average glyph width for the system sans-serif font; good enough to avoid overlap.
    return 0.6 * FONT_SIZE * len(text)


def project(points: list[MapPoint]) -> list[tuple[MapPoint, float, float]]:
    """Equirectangular projection with cos(latitude) correction, in px, north up."""
    if not points:
        return []
    mid_lat = (min(p.lat for p in points) + max(p.lat for p in points)) / 2
    kx = math.cos(math.radians(mid_lat))
    west = min(p.lon for p in points)
    north = max(p.lat for p in points)
    return [
        (p, (p.lon - west) * kx * KM_PER_DEGREE_LAT * PX_PER_KM, (north - p.lat) * KM_PER_DEGREE_LAT * PX_PER_KM)
        for p in points
    ]


def place_labels(projected: list[tuple[MapPoint, float, float]]) -> list[tuple[float, float, str, Box]]:
    """Put each label right, left, above or below its point, where it overlaps least.

    Greedy, from west to east: with a few dozen villages at most this is enough
    to keep names readable, and it is deterministic.
    """
    taken: list[Box] = [(x - POINT_RADIUS - 2, y - POINT_RADIUS - 2, x + POINT_RADIUS + 2, y + POINT_RADIUS + 2)
                        for _, x, y in projected]
    placed: dict[int, tuple[float, float, str, Box]] = {}
    gap = POINT_RADIUS + 4
    for index in sorted(range(len(projected)), key=lambda i: (projected[i][1], projected[i][2])):
        point, x, y = projected[index]
        width, height = _text_width(point.naam), FONT_SIZE
        options = [
            (x + gap, y + height * 0.35, "start", (x + gap, y - height * 0.65, x + gap + width, y + height * 0.35)),
            (x - gap, y + height * 0.35, "end", (x - gap - width, y - height * 0.65, x - gap, y + height * 0.35)),
            (x, y - gap - 2, "middle", (x - width / 2, y - gap - 2 - height, x + width / 2, y - gap - 2)),
            (x, y + gap + height, "middle", (x - width / 2, y + gap, x + width / 2, y + gap + height)),
        ]
        # Least overlap wins; on a tie the earlier option (right of the point) wins.
        best = min(options, key=lambda o: (sum(_overlap(o[3], other) for other in taken), options.index(o)))
        taken.append(best[3])
        placed[index] = best
    return [placed[i] for i in range(len(projected))]


def render_map(points: list[MapPoint], text: MapText, element_id: str = "dorpen-kaart") -> str:
    """The SVG, one element per line and no blank lines (it sits in a Markdown raw HTML block)."""
    projected = project(points)
    labels = place_labels(projected)
    boxes = [box for *_, box in labels] + [(x - POINT_RADIUS, y - POINT_RADIUS, x + POINT_RADIUS, y + POINT_RADIUS)
                                          for _, x, y in projected]
    x0 = min((b[0] for b in boxes), default=0.0) - MARGIN
    y0 = min((b[1] for b in boxes), default=0.0) - MARGIN - 40  # room for the north arrow
    x1 = max((b[2] for b in boxes), default=200.0) + MARGIN
    y1 = max((b[3] for b in boxes), default=200.0) + MARGIN + 30  # room for the scale bar
    width, height = x1 - x0, y1 - y0

    def fmt(value: float) -> str:
        return f"{value:.1f}"

    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="dorpen-kaart__svg" id="{element_id}" '
        f'viewBox="{fmt(x0)} {fmt(y0)} {fmt(width)} {fmt(height)}" width="{round(width)}" height="{round(height)}" '
        f'role="group" aria-label="{escape(text.label)}" font-size="{FONT_SIZE}" font-family="inherit">',
        f'<rect x="{fmt(x0 + 1)}" y="{fmt(y0 + 1)}" width="{fmt(width - 2)}" height="{fmt(height - 2)}" '
        'fill="none" stroke="currentColor" stroke-opacity="0.35" rx="4" aria-hidden="true"/>',
    ]
    # North arrow, top right.
    nx, ny = x1 - MARGIN - 8, y0 + MARGIN
    out.append(
        f'<g aria-hidden="true" fill="currentColor"><path d="M{fmt(nx)} {fmt(ny)} l-6 16 h12 z"/>'
        f'<text x="{fmt(nx)}" y="{fmt(ny + 32)}" text-anchor="middle" font-size="13">{escape(text.north)}</text></g>'
    )
    # Scale bar: 5 km, bottom left.
    bar = 5 * PX_PER_KM
    sx, sy = x0 + MARGIN, y1 - MARGIN - 6
    out.append(
        f'<g aria-hidden="true" stroke="currentColor" stroke-width="2" fill="none">'
        f'<path d="M{fmt(sx)} {fmt(sy - 5)} v5 h{fmt(bar)} v-5"/></g>'
        f'<text aria-hidden="true" x="{fmt(sx + bar + 6)}" y="{fmt(sy)}" font-size="13" fill="currentColor">'
        f'{escape(text.scale)}</text>'
    )
    for (point, x, y), (tx, ty, anchor, _) in zip(projected, labels, strict=True):
        out.append(
            f'<a href="{escape(point.href)}" class="dorpen-kaart__dorp" aria-label="{escape(point.naam)}">'
            f'<circle cx="{fmt(x)}" cy="{fmt(y)}" r="{POINT_RADIUS}" fill="currentColor"/>'
            f'<text x="{fmt(tx)}" y="{fmt(ty)}" text-anchor="{anchor}" fill="currentColor">{escape(point.naam)}</text>'
            "</a>"
        )
    out.append("</svg>")
    return "\n".join(out)
