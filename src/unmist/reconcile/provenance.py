"""Provenance: which reports copy which, which cite which, and so how many independent origins
stand behind an incident or a figure.

Copies are found with MinHash LSH over word shingles (datasketch), so the cost grows linearly
with the ledger.  Citation edges ('according to Reuters') point to a report in the ledger when
one of that outlet's reports tells the same incident.  Reports joined by either kind of edge
collapse to one origin.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from typing import TYPE_CHECKING

from .. import knowledge
from ..types import Document

if TYPE_CHECKING:
    import numpy as np

# 5-word shingles: long enough that shared stock phrases ('the Interior Ministry said') do not
# make two independent wire stories look copied, short enough to survive light edits.
SHINGLE_WORDS = 5
NUM_PERM = 128
MINHASH_SCHEME = "affine32"  # datasketch 2.0 default; stored signatures are only valid for this scheme
# Estimated Jaccard similarity of shingle sets above which one report is a copy of another.
# Verbatim copies score ~1.0, light rewrites (headline, a sentence) 0.6-0.9; independent reports of
# one incident stay under 0.15 on the dev set.
COPY_THRESHOLD = 0.5
# Share of a report's shingles found in another above which it re-uses that report's paragraphs.
PARTIAL_COPY_SHARE = 0.3


@dataclass(frozen=True)
class CopyEdge:
    copy: str  # document id of the copy
    original: str
    similarity: float


# A paragraph of legal small print ('Copyright 2016 CBS Radio Inc. ... may not be published,
# broadcast, rewritten, or redistributed'): a network's stations print the same one under every
# story, and in a short report it is enough of the text to make two different stories look copied.
LEGAL_NOTICE = re.compile(r"\bcopyright\b|\u00a9|\ball rights reserved\b|\bmay not be (?:re)?(?:published|broadcast|"
                          r"rewritten|redistributed|reproduced)", re.IGNORECASE)


def _story_text(text: str) -> str:
    return "\n".join(line for line in text.splitlines() if not LEGAL_NOTICE.search(line))


def shingles(text: str) -> set[str]:
    """The report's 5-word runs, its legal small print left out."""
    words = re.findall(r"\w+", _story_text(text).lower())
    return {" ".join(words[i: i + SHINGLE_WORDS]) for i in range(max(1, len(words) - SHINGLE_WORDS + 1))}


def fingerprint(text: str):
    """The report's shingles as a sorted array of 64-bit hashes: what copy detection compares.

    8 bytes a shingle where the shingle's string in a set takes over 100, and two arrays intersect
    in numpy; an update compares each new report with every stored report that shares an LSH band
    with it, and stock phrases put many reports in a band.  (Two different shingles share a hash
    with a chance of 2**-64.)
    """
    import hashlib

    import numpy as np

    hashes = [int.from_bytes(hashlib.blake2b(g.encode(), digest_size=8).digest(), "little") for g in shingles(text)]
    return np.unique(np.array(hashes, dtype=np.uint64))


def minhash_signature(text: str) -> list[int]:
    from datasketch import MinHash

    sketch = MinHash(num_perm=NUM_PERM, scheme=MINHASH_SCHEME)
    sketch.update_batch([g.encode() for g in shingles(text)])
    return [int(v) for v in sketch.hashvalues]


def find_copies(documents: list[Document], cache: dict[str, list[int]] | None = None) -> list[CopyEdge]:
    """Near-duplicate and partial copies among ``documents``; the later (or later-listed) report is the copy.

    Args:
        documents: every report in the ledger.
        cache: MinHash signatures by report id; missing ones are computed and added, so a ledger
            that keeps them pays for the new reports only.
    """
    from datasketch import MinHashLSH

    cache = cache if cache is not None else {}
    lsh = MinHashLSH(threshold=PARTIAL_COPY_SHARE, num_perm=NUM_PERM)
    sketches = {}
    for document in documents:
        if document.id not in cache:
            cache[document.id] = minhash_signature(document.text)
        sketches[document.id] = _lean(cache[document.id])
        lsh.insert(document.id, sketches[document.id])
    pairs = {tuple(sorted((document.id, other))) for document in documents
             for other in lsh.query(sketches[document.id]) if other != document.id}
    listed = {d.id: d for d in documents}
    rank = {d.id: f"{position:09d}" for position, d in enumerate(documents)}
    found: dict[str, np.ndarray] = {}  # only for LSH candidates, each once

    def fingerprint_of(document_id: str) -> np.ndarray:
        if document_id not in found:
            found[document_id] = fingerprint(listed[document_id].text)
        return found[document_id]

    published = {d.id: d.published for d in documents}
    return sorted(best_copy_edges(published, pairs, {}, fingerprint_of, rank=rank).values(), key=lambda e: e.copy)


def _lean(signature: list[int]):
    """A stored signature as a sketch, without rebuilding MinHash's permutation tables."""
    import numpy as np
    from datasketch import LeanMinHash

    return LeanMinHash(seed=1, hashvalues=np.array(signature, dtype=np.uint64), scheme=MINHASH_SCHEME)


def band_keys(signature: list[int]) -> list[int]:
    """The signature's LSH band keys as signed 64-bit integers, one per band.

    datasketch keeps its LSH tables in memory (or Redis/Cassandra); the ledger keeps the same bands
    (datasketch's own band ranges for this threshold) in an indexed table instead, so that a run
    finds the copy candidates of ten new reports with one query rather than by rebuilding the
    index of all of them.  Two reports sharing a key share a band (a 64-bit hash collision only
    adds a candidate, which the exact shingle overlap then rejects).
    """
    import hashlib

    import numpy as np

    hashranges = _band_ranges()
    values = np.array(signature, dtype=np.uint64)
    keys = []
    for band, (start, end) in enumerate(hashranges):
        digest = hashlib.blake2b(bytes([band]) + values[start:end].byteswap().tobytes(), digest_size=8).digest()
        keys.append(int.from_bytes(digest, "big", signed=True))
    return keys


@lru_cache(maxsize=1)
def _band_ranges() -> tuple[tuple[int, int], ...]:
    from datasketch import MinHashLSH

    return tuple(MinHashLSH(threshold=PARTIAL_COPY_SHARE, num_perm=NUM_PERM).hashranges)


def best_copy_edges(published: Mapping[str, date | None], pairs: Iterable[tuple[str, str]], edges: dict[str, CopyEdge],
                    fingerprints: Callable[[str], np.ndarray], rank: dict[str, str] | None = None) -> dict[str, CopyEdge]:
    """Each report's best copy edge, given candidate pairs (from LSH) and the edges known so far.

    The later report of a pair (by stated date in ``published``, then by ``rank`` or else by id) is
    the copy when it shares at least PARTIAL_COPY_SHARE of its shingles (of the shorter report's)
    with the earlier one; a report keeps its single best original (ties go to the smaller id), so
    the answer does not depend on the order pairs come in.  ``fingerprints`` gives a report's
    :func:`fingerprint`.
    """
    import numpy as np

    edges = dict(edges)

    def first(document: str) -> tuple[str, str]:  # by stated date (undated last), then as listed (by id)
        stamp = published[document]
        return (stamp.isoformat() if stamp else "9999", rank[document] if rank else document)

    for a, b in sorted(pairs):
        original, copy = sorted((a, b), key=first)
        own, other = fingerprints(copy), fingerprints(original)
        shared = len(np.intersect1d(own, other, assume_unique=True))
        share = round(shared / max(1, min(len(own), len(other))), 3)
        if share < PARTIAL_COPY_SHARE:
            continue
        best = edges.get(copy)
        if best is None or share > best.similarity or (share == best.similarity and original < best.original):
            edges[copy] = CopyEdge(copy, original, share)
    return edges


def outlet_key(name: str | None) -> str | None:
    """Canonical outlet name, through the alias file ('Radio Ozodi' -> 'RFE/RL Tajik Service')."""
    if not name:
        return None
    known = knowledge.outlet_named(name)
    return known.name if known else name.strip().lower()  # outlets the alias file does not know compare case-blind


class Origins:
    """Union-find over reports: copies join a report to its origin; citations are joined per incident."""

    def __init__(self, copies: list[CopyEdge]) -> None:
        self.parent: dict[str, str] = {}
        for edge in copies:
            self._union(edge.copy, edge.original)

    def _find(self, item: str) -> str:
        self.parent.setdefault(item, item)
        while self.parent[item] != item:
            self.parent[item] = self.parent[self.parent[item]]
            item = self.parent[item]
        return item

    def _union(self, a: str, b: str) -> None:
        root_a, root_b = self._find(a), self._find(b)
        if root_a != root_b:
            self.parent[max(root_a, root_b)] = min(root_a, root_b)

    def independent(self, documents: Iterable[str], outlets: dict[str, str | None], cites: dict[str, set[str]]) -> int:
        """Independent origins among ``documents``: copies and citation chains count once.

        A report that cites an outlet whose own report is among ``documents`` (by outlet name) also
        counts once with it, even when the ledger cannot say which of that outlet's reports it used.
        ``cites`` holds each report's citations about this incident (canonical outlet names).
        """
        return len(set(self.origins(documents, outlets, cites).values()))

    def origins(self, documents: Iterable[str], outlets: dict[str, str | None],
                cites: dict[str, set[str]]) -> dict[str, str]:
        """Each of ``documents`` with the origin it counts as (see :meth:`independent`)."""
        documents = list(documents)
        roots = {d: self._find(d) for d in documents}
        outlet_roots = {outlet_key(outlets.get(d)): roots[d] for d in documents if outlets.get(d)}
        for document in documents:
            for cited in cites.get(document, ()):
                if cited in outlet_roots and outlet_roots[cited] != roots[document]:
                    old, new = roots[document], outlet_roots[cited]
                    roots = {k: (new if v == old else v) for k, v in roots.items()}
        return roots


def provenance_tree(record: dict, documents: dict[str, Document]) -> dict:
    """An incident's reports as a tree down to their origins: copies and citing reports hang under
    what they copy or cite; sources outside the ledger are leaves.  Works on a ledger record."""
    members = sorted({m["document"] for m in record["mentions"]})
    edges = record.get("provenance", [])
    parent = {e["document"]: e for e in edges if e.get("target_document") in members}
    external: dict[str, list[dict]] = {}
    for edge in edges:
        if edge.get("target_document") not in members:
            external.setdefault(edge["document"], []).append(
                {"name": edge.get("target_name"), "kind": "outside_source", "sentence": edge.get("sentence")})

    def node(document_id: str, via: dict | None) -> dict:
        document = documents.get(document_id)
        return {
            "document": document_id,
            "outlet": document.outlet if document else None,
            "published": document.published.isoformat() if document and document.published else None,
            "title": document.title if document else None,
            "via": None if via is None else {"kind": via["kind"], "name": via.get("target_name"),
                                              "similarity": via.get("similarity"), "sentence": via.get("sentence")},
            "cites_outside": external.get(document_id, []),
            "children": [node(child, parent[child]) for child in members if child in parent
                         and parent[child]["target_document"] == document_id and child != document_id],
        }

    roots = [d for d in members if d not in parent or _in_cycle(d, parent)]
    return {"incident": record["id"], "reports": len(members), "independent": record["sources"]["independent"],
            "origins": [node(d, None) for d in roots]}


def _in_cycle(document: str, parent: dict[str, dict]) -> bool:
    seen, current = set(), document
    while current in parent and current not in seen:
        seen.add(current)
        current = parent[current]["target_document"]
    return current in seen and current == document


def provenance_dot(tree: dict) -> str:
    """Graphviz source: an arrow from each report to what it copies or cites."""
    lines = ["digraph provenance {", "  rankdir=BT;", f'  "{tree["incident"]}" [shape=box];']

    def walk(node: dict, up: str) -> None:
        label = f'{node["outlet"] or node["document"]}\\n{node["published"] or ""}'
        lines.append(f'  "{node["document"]}" [label="{label}"];')
        style = "" if node["via"] is None else f' [label="{node["via"]["kind"]}"]'
        lines.append(f'  "{node["document"]}" -> "{up}"{style};')
        for source in node["cites_outside"]:
            lines.append(f'  "{source["name"]}" [shape=ellipse, style=dashed];')
            lines.append(f'  "{node["document"]}" -> "{source["name"]}" [label="cites", style=dashed];')
        for child in node["children"]:
            walk(child, node["document"])

    for origin in tree["origins"]:
        walk(origin, tree["incident"])
    lines.append("}")
    return "\n".join(lines) + "\n"
