"""Generated news articles for the Python and Spark tests and the Spark
benchmark: composed from templates written for this project, deterministic
for a given seed."""

from __future__ import annotations

import random
from typing import Dict, List

PEOPLE = ["Maria Okafor", "Tomás Lindqvist", "Aiko Tanaka", "Daniel Brennan",
          "Priya Raman", "Zoë Fontaine", "Omar Haddad", "Helen Carver"]
ROLES = ["the finance minister", "the mayor", "a union leader", "the prime minister",
         "the central bank governor", "an opposition spokesperson"]
ORGS = ["the Ministry of Transport", "Northwind Energy", "the Harbour Workers Union",
        "the World Health Organization", "Riverside Council", "the Central Bank"]
PLACES = ["Lisbon", "Nairobi", "Osaka", "Glasgow", "Quito", "Tallinn", "Ukraine", "Canada"]
DAYS = ["on Monday", "on Tuesday", "last week", "on 3 March", "in January",
        "yesterday", "two days later", "on Friday evening"]
VERBS = ["said", "told reporters", "warned", "added", "insisted"]
TOPICS = ["the new rail line", "fuel prices", "the harbour strike", "the flood defences",
          "the budget", "the vaccine programme", "the trade talks"]

SENTENCES = [
    "“We will not accept {topic} in its current form,” {person} {verb} {day}.",
    "{person}, {role}, met officials from {org} in {place} {day}.",
    "{org} accused {org2} of delaying {topic}, according to a statement released {day}.",
    "Talks between {place} and {place2} on {topic} resumed {day} after a pause of two weeks.",
    "{person} {verb} that {org} would publish a full report on {topic} by the end of the month.",
    "Protesters gathered outside the offices of {org} in {place} {day}, demanding changes to {topic}.",
    "“This is a difficult moment for everyone in {place},” {role} {verb}.",
    "The agreement, signed {day}, commits {org} to spend $40 million over five years.",
    "Critics said the plan for {topic} did little for families in {place}.",
    "{person} declined to comment when asked about {topic}.",
]


def _sentence(rng: random.Random) -> str:
    template = rng.choice(SENTENCES)
    org, org2 = rng.sample(ORGS, 2)
    place, place2 = rng.sample(PLACES, 2)
    s = template.format(person=rng.choice(PEOPLE), role=rng.choice(ROLES), org=org,
                        org2=org2, place=place, place2=place2, day=rng.choice(DAYS),
                        topic=rng.choice(TOPICS), verb=rng.choice(VERBS))
    return s[0].upper() + s[1:]


def article(i: int, seed: int = 7) -> Dict[str, str]:
    """Article ``i``: ``id``, ``title``, ``published`` and ``text`` (paragraphs
    split by blank lines, about 250 to 450 words)."""
    rng = random.Random(seed * 1_000_003 + i)
    paragraphs: List[str] = []
    for _ in range(rng.randint(5, 8)):
        paragraphs.append(" ".join(_sentence(rng) for _ in range(rng.randint(2, 3))))
    day = 1 + i % 28
    return {
        "id": f"gen-{i:06d}",
        "title": _sentence(rng).rstrip("."),
        "published": f"2025-03-{day:02d}",
        "text": "\n\n".join(paragraphs),
    }


def page(i: int, seed: int = 7) -> Dict[str, str]:
    """Article ``i`` as an HTML page: ``id``, ``url`` and ``html``."""
    a = article(i, seed)
    body = "".join(f"<p>{p}</p>" for p in a["text"].split("\n\n"))
    html = (
        "<!doctype html><html lang=\"en\"><head>"
        f"<title>{a['title']}</title>"
        f"<meta property=\"article:published_time\" content=\"{a['published']}T09:00:00Z\">"
        "<meta name=\"author\" content=\"Staff Reporter\">"
        "</head><body><nav><a href=\"/\">Home</a> <a href=\"/world\">World</a></nav>"
        f"<article><h1>{a['title']}</h1>{body}</article>"
        "<footer>© The Example Tribune</footer></body></html>"
    )
    return {"id": a["id"], "url": f"https://news.example/{a['id']}", "html": html}


def warc(pages: List[Dict[str, str]], compress: bool = True) -> bytes:
    """The pages as a WARC file (one gzip member per record when
    ``compress``, as Common Crawl writes), each a ``response`` record with its
    HTTP message, then one image response that is not a page."""
    import gzip
    import uuid

    def record(uri: str, ctype: str, body: bytes) -> bytes:
        http = (f"HTTP/1.1 200 OK\r\nContent-Type: {ctype}\r\n"
                f"Content-Length: {len(body)}\r\n\r\n").encode() + body
        head = ("WARC/1.0\r\nWARC-Type: response\r\n"
                f"WARC-Target-URI: {uri}\r\n"
                f"WARC-Record-ID: <urn:uuid:{uuid.uuid5(uuid.NAMESPACE_URL, uri)}>\r\n"
                "WARC-Date: 2025-03-28T09:00:00Z\r\n"
                "Content-Type: application/http; msgtype=response\r\n"
                f"Content-Length: {len(http)}\r\n\r\n").encode()
        rec = head + http + b"\r\n\r\n"
        return gzip.compress(rec) if compress else rec

    out = [record(p["url"], "text/html; charset=utf-8", p["html"].encode("utf-8"))
           for p in pages]
    out.append(record("https://news.example/logo.png", "image/png", b"\x89PNG"))
    return b"".join(out)
