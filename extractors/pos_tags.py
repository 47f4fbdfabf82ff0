"""jieba.posseg loaded with its word → part-of-speech table kept between processes (extractors.cache).

``import jieba.posseg`` builds that table (349,045 words of jieba's dict.txt, each with one of 55 tags) by
parsing the dictionary line by line: ~0.55 s of CPU, a third of a worker pool's warm-up (pipeline.warm) and so
of the wait before its first file. Kept as the words in one string, in order, and a byte per word naming its tag,
the table is made again in ~0.05 s (the import of jieba.posseg ~0.1 s in all) as :class:`WordTags`: the words
split into one sorted list, looked up by bisection. A dict of the same words took 0.2 s more to build (hashing
349,045 new strings) and ~14 MB more of every worker's memory; jieba.posseg looks a word up only after its
segmenter kept it (~5 look-ups a report, with extractors.facts' cache of tagged phrases), so a look-up's 5 µs
instead of 1 costs nothing that shows. The table equals the one jieba builds (``tests/test_jieba_load.py``); the
dictionary file's path, size and modification time name the kept file, so another jieba builds its own.
"""

from __future__ import annotations

import io
import sys
from bisect import bisect_left
from collections.abc import Iterator, Mapping
from pathlib import Path

from extractors import cache


def import_posseg(jieba):
    """``jieba.posseg`` (imported now if it is not yet), its tokenizer's ``word_tag_tab`` from the kept table.
    ``jieba``: the module, its dictionary loaded or not (extractors.facts.load_jieba). A custom dictionary
    (``jieba.dt.dictionary`` set) or a kept table that cannot be made: jieba's own parse, as imported."""
    if "jieba.posseg" in sys.modules:
        return sys.modules["jieba.posseg"]
    source = dictionary_file(jieba)
    if source is None:
        import jieba.posseg as posseg

        return posseg
    try:
        words, tags = cache.kept("pos-tags", lambda: _compact(source), tuple, [source, Path(__file__)])
    except (OSError, ValueError):  # jieba reports what is wrong with its dictionary, as it always did
        import jieba.posseg as posseg

        return posseg
    tokenizer = jieba.dt
    # the module's own tokenizer parses get_dict_file() as it is made: it is handed an empty file instead
    tokenizer.get_dict_file = lambda: io.BytesIO()
    try:
        import jieba.posseg as posseg
    finally:
        del tokenizer.get_dict_file  # the instance attribute: the class's method is seen again
    posseg.dt.word_tag_tab = WordTags(words.split("\n"), *tags)
    return posseg


class WordTags(Mapping):
    """jieba.posseg's word → tag table (``POSTokenizer.word_tag_tab``) held as ``words``, sorted, and ``tags``, a
    byte per word: its tag's index in ``names``. What jieba.posseg asks of the table: ``get(word, 'x')`` as it
    tags, and ``update`` with the user's words (jieba.add_word's tags), which are kept beside and win."""

    def __init__(self, words: list[str], names: tuple[str, ...], tags: bytes):
        if len(words) != len(tags):
            raise ValueError(f"{len(words)} words and {len(tags)} tags")
        self._words, self._names, self._tags = words, names, tags
        self._added: dict[str, str] = {}

    def _find(self, word: str) -> int | None:
        i = bisect_left(self._words, word)
        return i if i < len(self._words) and self._words[i] == word else None

    def get(self, word: str, default=None):
        tag = self._added.get(word)
        if tag is not None:
            return tag
        i = self._find(word) if isinstance(word, str) else None
        return default if i is None else self._names[self._tags[i]]

    def __getitem__(self, word: str) -> str:
        tag = self.get(word)
        if tag is None:
            raise KeyError(word)
        return tag

    def __contains__(self, word) -> bool:
        return self.get(word) is not None

    def __iter__(self) -> Iterator[str]:
        yield from self._added
        yield from (w for w in self._words if w not in self._added)

    def __len__(self) -> int:
        return len(self._words) + sum(1 for w in self._added if self._find(w) is None)

    def update(self, other: Mapping[str, str]) -> None:
        self._added.update(other)


def dictionary_file(jieba) -> Path | None:
    """jieba's default dictionary file (dict.txt in its package), None when another dictionary is set."""
    if jieba.dt.dictionary is not None:
        return None
    path = Path(jieba.__file__).parent / "dict.txt"
    return path if path.is_file() else None


def parse(source: Path) -> dict[str, str]:
    """The word → tag table of a jieba dictionary file, read as jieba.posseg reads it (a later line of the same
    word wins). ValueError for a line that is not ``word frequency tag``."""
    table: dict[str, str] = {}
    with source.open("rb") as f:
        for lineno, raw in enumerate(f, 1):
            line = raw.strip().decode("utf-8")
            if not line:
                continue
            try:
                word, _, tag = line.split(" ")
            except ValueError:
                raise ValueError(f"invalid POS dictionary entry in {source} at Line {lineno}: {line}") from None
            table[word] = tag
    return table


def _compact(source: Path) -> tuple[str, tuple[tuple[str, ...], bytes]]:
    """The table as (its words, sorted, joined by newlines, (the tag names, a byte per word: its tag's index))."""
    table = parse(source)
    names = tuple(sorted(set(table.values())))
    if len(names) > 256 or any("\n" in word for word in table):
        raise ValueError(f"{source}: not a table a byte per tag can hold")
    index = {name: i for i, name in enumerate(names)}
    words = sorted(table)
    return "\n".join(words), (names, bytes(index[table[word]] for word in words))
