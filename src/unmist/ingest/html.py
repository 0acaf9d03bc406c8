"""HTML pages: main text with trafilatura (menus, comments, asides removed), date with htmldate."""

from __future__ import annotations

import logging

from .text import Report, dateline_in, parse_date, strip_boilerplate

# trafilatura and htmldate log every page they find odd; a batch run only needs our own errors.
logging.getLogger("trafilatura").setLevel(logging.ERROR)
logging.getLogger("htmldate").setLevel(logging.ERROR)


def html_to_report(html: str) -> Report | None:
    """The article inside an HTML page, or None when the page holds no article text."""
    import trafilatura
    from htmldate import find_date

    extracted = trafilatura.bare_extraction(
        html, with_metadata=True, include_comments=False, include_tables=False, favor_precision=True
    )
    if extracted is None or not (extracted.text or "").strip():
        return None
    body = strip_boilerplate(extracted.text.split("\n"))
    text = "\n\n".join(line.strip() for line in body if line.strip())
    published_text = find_date(html, original_date=True, outputformat="%Y-%m-%d", extensive_search=False)
    title = (extracted.title or "").strip() or None
    if title and extracted.sitename and title.endswith(extracted.sitename):
        title = title[: -len(extracted.sitename)].rstrip(" -|–—")
    if title and not text.startswith(title):
        text = f"{title}\n\n{text}"
    dateline = dateline_in(body)  # after the headline, when the page's text repeats it
    return Report(
        text=text,
        title=title,
        outlet=(extracted.sitename or "").strip() or None,
        byline=(extracted.author or "").strip() or None,
        dateline=dateline.group("place").strip().rstrip(",") if dateline else None,
        published=parse_date(published_text) if published_text else None,
        published_from="page" if published_text else None,
    )
