"""Share cards: the picture a chat or social site shows beside a link to a disease page (``og:image``).

Each published disease has a plain card, 1200 x 630 pixels: the site's name, then the disease's name
as large as fits (wrapped over up to four lines, and smaller for longer names), drawn with Debian's
DejaVu fonts (the ``fonts-dejavu-core`` package, which ``make serve`` and CI install). Cards are
drawn ahead of time, never for a request:

- ``manage.py build_cards`` draws every published page's missing card (``make serve`` runs it);
- publishing a page, or renaming a published one, queues ``draw_card`` on the task worker.

A card's file name carries a digest of what it shows (``DESIGN``, the site's name and the page's
name), so a renamed page gets a new file and each file never changes: it is served as a static file
(under ``STATIC_URL/cards/``, from ``CARDS_ROOT``) with a cache lifetime of a year. A page whose card
is not drawn yet, or whose name has a character the fonts lack, shows the site's own card instead.
"""

import hashlib
import io
import logging
import os
import re
import tempfile
import unicodedata
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from django.conf import settings
from django.db import transaction
from django.utils.text import slugify
from django_tasks import task

from toolbox.addresses import public_url

from .freshness import content_changed
from .models import Disease

logger = logging.getLogger(__name__)

WIDTH, HEIGHT = 1200, 630
DESIGN = "1"  # change it when the drawing changes: every card is then drawn again, under a new name
MARGIN = 80
INK, MUTED, PAPER, ACCENT = "#1f2a33", "#55626d", "#fdfcf9", "#1c6b63"  # static/css/site.css
SIZES = range(76, 35, -4)  # the name's font sizes, largest first
MAX_LINES = 4
ELLIPSIS = "…"
SITE_CARD_LINE = "Clear, referenced information about rare diseases"


@dataclass(frozen=True)
class Card:
    url: str  # absolute, as Open Graph asks
    alt: str
    width: int = WIDTH
    height: int = HEIGHT


class CardError(Exception):
    """A card cannot be drawn here: the fonts are missing, or the text has characters they lack."""


# --- Names and places -----------------------------------------------------------------------------------


def _digest(*parts) -> str:
    return hashlib.blake2b(
        "\x1f".join((DESIGN, settings.SITE_NAME, *parts)).encode(), digest_size=6
    ).hexdigest()


def card_name(disease) -> str:
    return f"{disease.slug[:80]}-{_digest(disease.name)}.png"


def site_card_name() -> str:
    return f"site-{slugify(settings.SITE_NAME)[:40] or 'card'}-{_digest(SITE_CARD_LINE)}.png"


def card_path(name) -> Path:
    return Path(settings.CARDS_ROOT) / name


def cards_url_prefix() -> str:
    return f"{settings.STATIC_URL}cards/"


def _card(name, alt):
    if not card_path(name).is_file():
        return None
    return Card(url=public_url(cards_url_prefix() + name), alt=alt)


def site_card() -> Card | None:
    """The site's own card, for every page that has none of its own; None until it is drawn."""
    return _card(site_card_name(), f"{settings.SITE_NAME}: {SITE_CARD_LINE}")


def card_for(disease) -> Card | None:
    """The disease's card, or the site's while the disease's is not drawn (or cannot be)."""
    return _card(card_name(disease), f"{settings.SITE_NAME}: {disease.name}") or site_card()


# --- Drawing -------------------------------------------------------------------------------------------


@cache
def _font_file(kind) -> str:
    path = settings.CARD_FONTS[kind]
    if not os.path.isfile(path):
        raise CardError(
            f"The card font {path} is missing: install Debian's fonts-dejavu-core (make serve does)."
        )
    return path


@cache
def _covered(kind) -> frozenset:
    """The characters the font can draw."""
    from fontTools.ttLib import TTFont

    with TTFont(_font_file(kind), lazy=True) as font:
        return frozenset(font["cmap"].getBestCmap())


@cache
def _font(kind, size):
    from PIL import ImageFont

    return ImageFont.truetype(_font_file(kind), size)


def _check_drawable(text, kind):
    missing = {ch for ch in text if not ch.isspace() and ord(ch) not in _covered(kind)}
    if missing:
        raise CardError(f"The card font has no {''.join(sorted(missing))!r}")
    directions = {unicodedata.bidirectional(ch) for ch in text}
    if directions & {"R", "AL"}:
        from PIL import features

        if not features.check("raqm"):
            raise CardError("Right-to-left text needs Pillow's raqm layout, which is not available here")


def _pieces(text):
    """Where a line may break: between words, and after a hyphen inside one ("disability-" "hypogonadism").

    Yields (piece, starts_a_word).
    """
    for word in text.split():
        for index, piece in enumerate(re.findall(r"[^-]+-*|-+", word)):
            yield piece, index == 0


def _wrap(text, font, width) -> tuple[list[str], bool]:
    """``text`` in lines no wider than ``width``, and whether a piece had to be cut inside (only when it
    is wider than a line on its own)."""
    lines, line, cut = [], "", False
    for piece, starts_a_word in _pieces(text):
        candidate = f"{line} {piece}" if line and starts_a_word else line + piece
        if font.getlength(candidate) <= width:
            line = candidate
            continue
        if line:
            lines.append(line)
        line = ""
        if font.getlength(piece) > width:
            cut = True
            for ch in piece:
                if line and font.getlength(line + ch) > width:
                    lines.append(line)
                    line = ""
                line += ch
        else:
            line = piece
    if line:
        lines.append(line)
    return lines, cut


def _fit(text, width, height):
    """The largest font (of ``SIZES``) at which the wrapped lines fit the box without cutting a word,
    and the lines; at the smallest size, the lines past ``MAX_LINES`` are left out and the last one
    ends with an ellipsis."""
    for size in SIZES:
        font = _font("bold", size)
        lines, cut = _wrap(text, font, width)
        if not cut and len(lines) <= MAX_LINES and len(lines) * _line_height(size) <= height:
            return font, size, lines
    if len(lines) <= MAX_LINES:
        return font, size, lines
    lines = lines[:MAX_LINES]
    words = lines[-1].split()
    while len(words) > 1 and font.getlength(" ".join(words) + ELLIPSIS) > width:
        words.pop()  # cut between words where the line has several
    last = " ".join(words)
    while last and font.getlength(last + ELLIPSIS) > width:
        last = last[:-1]
    lines[-1] = last.rstrip(" ,;:-") + ELLIPSIS
    return font, size, lines


def _line_height(size):
    return round(size * 1.22)


@cache
def _palette() -> list[int]:
    """Ink to paper in 254 steps (indexes 2 to 255), and the accent at index 1.

    A card is drawn in grey levels, which keeps the text's smooth edges, then shown through this
    palette: a one-byte-a-pixel PNG that is a quarter of the size and quick to write, which matters
    when ``build_cards`` draws twelve thousand of them.
    """
    from PIL import ImageColor

    ink, paper, accent = (ImageColor.getrgb(colour) for colour in (INK, PAPER, ACCENT))
    palette = []
    for level in range(256):
        share = max(0, level - TEXT) / (255 - TEXT)
        palette += [round(i + (p - i) * share) for i, p in zip(ink, paper, strict=True)]
    palette[3 * RULE : 3 * RULE + 3] = accent
    return palette


TEXT, RULE, KICKER = 2, 1, 100  # grey levels: the name's ink, the accent rules, the site's name


def draw(title, *, kicker=None) -> bytes:
    """A card as PNG: ``kicker`` (the site's name by default) above ``title``, as large as fits."""
    from PIL import Image, ImageDraw

    kicker = kicker or settings.SITE_NAME
    _check_drawable(title, "bold")
    _check_drawable(kicker, "regular")
    grey = Image.new("L", (WIDTH, HEIGHT), 255)
    pen = ImageDraw.Draw(grey)
    pen.text((MARGIN, 70), kicker, font=_font("regular", 34), fill=KICKER)
    top, bottom = 160, HEIGHT - 70
    font, size, lines = _fit(title, WIDTH - 2 * MARGIN, bottom - top)
    y = top + max(0, (bottom - top - len(lines) * _line_height(size)) // 2)
    for line in lines:
        pen.text((MARGIN, y), line, font=font, fill=TEXT)
        y += _line_height(size)
    pen.rectangle((0, 0, WIDTH, 18), fill=RULE)
    pen.rectangle((0, HEIGHT - 8, WIDTH, HEIGHT), fill=RULE)
    card = Image.frombytes("P", grey.size, grey.tobytes())
    card.putpalette(_palette())
    out = io.BytesIO()
    card.save(out, format="PNG")
    return out.getvalue()


def _write(name, png):
    """Write the file whole or not at all: readers never see half a card."""
    folder = Path(settings.CARDS_ROOT)
    folder.mkdir(parents=True, exist_ok=True)
    with tempfile.NamedTemporaryFile(dir=folder, prefix=".drawing-", suffix=".png", delete=False) as scratch:
        scratch.write(png)
    os.chmod(scratch.name, 0o644)
    os.replace(scratch.name, folder / name)


def make_site_card() -> bool:
    """Draw the site's card if it is missing; True if it was drawn now."""
    name = site_card_name()
    if card_path(name).is_file():
        return False
    _write(name, draw(SITE_CARD_LINE))
    return True


def make_card(disease) -> bool:
    """Draw ``disease``'s card if it is missing; True if it was drawn now. Raises ``CardError``."""
    name = card_name(disease)
    if card_path(name).is_file():
        return False
    _write(name, draw(disease.name))
    return True


# --- When cards are drawn --------------------------------------------------------------------------------


@task()
def draw_card(disease_id: int) -> bool:
    """Draw a published page's card, then let cached pages show it (they showed the site's card)."""
    disease = Disease.objects.published().only("name", "slug").filter(pk=disease_id).first()
    if disease is None:
        return False
    try:
        made = make_card(disease)
    except CardError as error:
        logger.warning("No share card for %s: %s", disease.slug, error)
        return False
    if made:
        content_changed()
    return made


def schedule_card(disease) -> None:
    """Queue the card of ``disease`` once the write that published or renamed it is committed."""

    def enqueue():
        try:
            draw_card.enqueue(disease.pk)
        except Exception:
            # The page shows the site's card until the next ``build_cards`` draws its own.
            logger.exception("Could not queue the share card of %s", disease.slug)

    transaction.on_commit(enqueue)
