"""The long lists of pages made in Python: a listing's cards (_macros.html's `cards`), lists of
links (`links`) and a stakeholder's meetings. The same HTML, byte for byte, as the Jinja that
made it before (tests/site/test_golden.py): listings, topics, hashtags and a big body's page
show thousands of items on a big site, and a card was four macro calls (card, thumb,
status_badge, the loop's). Every read goes through the page's index, so the page cache notes
what each item shows."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from jinja2.filters import do_truncate
from markupsafe import Markup, escape

from .render import environment, thai_date

SUMMARY_CHARS = 160  # the truncate(160) the macro gave


def cards_html(site: Any, ids: Iterable[str], states: Mapping[str, Any]) -> Markup:
    """`<ul class="kb-cards">` with a card per id (a proposal's with its state), and the macro's
    newline after it."""
    parts = ['<ul class="kb-cards">']
    parts += [card_html(site, i, states.get(i)) for i in ids]
    parts.append("</ul>\n")
    return Markup("".join(parts))  # noqa: S704 - each value escaped where it is put in


def links_html(site: Any, ids: list[str], empty: str = "") -> Markup:
    """A list of links to records (or a line saying there are none)."""
    if ids:
        return Markup('<ul class="kb-links">' + "".join(f"<li>{site.link(i)}</li>" for i in ids) + "</ul>")  # noqa: S704
    return Markup(f'<p class="kb-empty">{escape(empty)}</p>' if empty else "")  # noqa: S704


def meetings_html(site: Any, meetings: list[tuple[str, list[str]]]) -> Markup:
    """A stakeholder's meetings: each linked, with its date and the stakeholder's roles in it."""
    items = []
    for meeting, roles in meetings:
        shown = f" — {escape(', '.join(roles))}" if roles else ""
        date = escape(thai_date(site.index.date_of(meeting)))
        items.append(f'<li>{site.link(meeting)} <span class="kb-date">{date}</span>{shown}</li>')
    return Markup('<ul class="kb-links">' + "".join(items) + "</ul>")  # noqa: S704 - escaped above


def card_html(site: Any, i: str, state: Any) -> str:
    index = site.index
    html = ['<li class="kb-card">', thumb_html(site, i), site.link(i)]
    date = index.date_of(i)
    if date:
        html.append(f' <span class="kb-date">{escape(thai_date(date))}</span>')
    if state is not None:
        html.append("<br>" + badge_html(state))
        if state.changed:
            html.append(f' <span class="kb-date">ปรับสถานะล่าสุด {escape(thai_date(state.changed))}</span>')
    summary = index.summary_of(i)
    if summary:
        html.append(f"<br><small>{escape(do_truncate(environment(), summary, SUMMARY_CHARS))}</small>")
    html.append("</li>\n")  # (the macro's line ended there)
    return "".join(html)


def badge_html(state: Any) -> str:
    """A proposal's status as text in a badge (its colour only repeats the word)."""
    if not (state and state.status):
        return ""
    return f'<span class="kb-status kb-status--{escape(state.status)}">{escape(state.label)}</span>'


def thumb_html(site: Any, i: str) -> str:
    """A listing's small picture of a record's first photo: beside its link, so no text of its own."""
    media = site.index.media.get(i)
    if not (media and media.first):
        return ""
    small = media.first.smallest
    return (f'<picture class="kb-thumb"><source type="image/webp" srcset="{escape(site.href(small.webp))}">'
            f'<img src="{escape(site.href(small.jpeg))}" width="{escape(small.width)}" '
            f'height="{escape(small.height)}" alt="" loading="lazy" decoding="async"></picture>')
