"""py3langid's feature vector (``LanguageIdentifier.instance2fv``) counted with numpy instead of a Python loop.

Why: py3langid walks its automaton one byte at a time in Python (~0.3 µs a byte, 5 % of a run on sample-sized
documents). Its automaton is an Aho-Corasick machine over byte n-grams (1 to 4 bytes), so the vector is simply how
often each feature n-gram occurs in the UTF-8 bytes, overlaps included: the n-grams are read back from the machine
once per process (a breadth-first walk gives each state its string) and counted with array lookups. The counts are
the library's own, integer for integer; anything unexpected in a model keeps the library's loop.
"""

from __future__ import annotations

from typing import Any

import numpy as np

MAX_GRAM = 8  # bytes: an n-gram is packed into one unsigned 64-bit code
DIRECT_MAX = 2  # n-grams up to this length are looked up in a table of every possible code (256 ** n entries)


class FeatureCounter:
    """``identifier.instance2fv(text)`` for every identifier sharing this automaton (a restricted one too)."""

    def __init__(self, identifier: Any) -> None:
        self.numfeats = int(identifier.nb_numfeats)
        self.fallback = identifier.instance2fv
        grams = feature_grams(identifier.tk_nextmove, identifier.tk_output)
        self.ready = grams is not None and len(grams) == self.numfeats and all(0 < len(g) <= MAX_GRAM for g in grams.values())
        self.direct: dict[int, np.ndarray] = {}
        self.sorted: dict[int, tuple[np.ndarray, np.ndarray]] = {}  # n -> (sorted codes, their feature indexes)
        if self.ready:
            self._index(grams)

    def _index(self, grams: dict[int, bytes]) -> None:
        by_length: dict[int, list[tuple[int, int]]] = {}
        for feature, gram in grams.items():
            by_length.setdefault(len(gram), []).append((int.from_bytes(gram, "big"), feature))
        for n, pairs in by_length.items():
            pairs.sort()
            codes = np.array([c for c, _ in pairs], dtype=np.uint64)
            features = np.array([f for _, f in pairs], dtype=np.int64)
            if n <= DIRECT_MAX:
                table = np.full(256**n, -1, dtype=np.int64)
                table[codes.astype(np.int64)] = features
                self.direct[n] = table
            else:
                self.sorted[n] = (codes, features)

    def __call__(self, text: str, datatype: str = "uint16") -> np.ndarray:
        if not self.ready:
            return self.fallback(text, datatype=datatype)
        data = np.frombuffer(text.encode("utf8", errors="surrogatepass"), dtype=np.uint8)
        found = [self._matches(data, n) for n in range(1, MAX_GRAM + 1) if n <= len(data)]
        counts = np.bincount(np.concatenate(found) if found else np.zeros(0, np.int64), minlength=self.numfeats)
        if counts.size and counts.max() > np.iinfo(datatype).max:  # the library's assignment would not wrap
            return self.fallback(text, datatype=datatype)
        return counts.astype(datatype)

    def _matches(self, data: np.ndarray, n: int) -> np.ndarray:
        """Feature indexes of every n-byte window of ``data`` that is a feature (one entry per occurrence)."""
        if n not in self.direct and n not in self.sorted:
            return np.zeros(0, np.int64)
        codes = data[: len(data) - n + 1].astype(np.uint64)
        for i in range(1, n):
            codes = (codes << np.uint64(8)) | data[i : len(data) - n + 1 + i]
        if n in self.direct:
            hits = self.direct[n][codes.astype(np.int64)]
            return hits[hits >= 0]
        known, features = self.sorted[n]
        pos = np.searchsorted(known, codes)
        pos[pos >= len(known)] = 0
        return features[pos[known[pos] == codes]]


def feature_grams(nextmove: Any, output: dict[int, Any]) -> dict[int, bytes] | None:
    """Feature index -> its byte n-gram: the string of the shortest state whose output holds the feature (the
    state spelling exactly that n-gram; every other state outputting it spells a longer string ending with it)."""
    table = np.asarray(nextmove)
    if table.ndim != 1 or table.size % 256:
        return None
    labels = state_labels(table.reshape(-1, 256))
    grams: dict[int, bytes] = {}
    for state, features in output.items():
        label = labels.get(state)
        if label is None:
            return None
        for f in features:
            if f not in grams or len(label) < len(grams[f]):
                grams[f] = label
    return grams


def state_labels(moves: np.ndarray) -> dict[int, bytes]:
    """Each reachable state's string: the bytes of the first path that reaches it, breadth first."""
    labels: dict[int, bytes] = {0: b""}
    frontier = np.array([0], dtype=np.int64)
    while frontier.size:
        targets, first = np.unique(moves[frontier].ravel(), return_index=True)
        reached = []
        for state, at in zip(targets.tolist(), first.tolist()):
            if state not in labels:
                labels[state] = labels[int(frontier[at // 256])] + bytes((at % 256,))
                reached.append(state)
        frontier = np.array(reached, dtype=np.int64)
    return labels
