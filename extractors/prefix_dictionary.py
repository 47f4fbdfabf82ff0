"""jieba's prefix dictionary (``Tokenizer.FREQ``) loaded a first character at a time, as the text cut needs it.

jieba's default dictionary is 498,113 entries (its 349,045 words and every prefix of them, frequency 0). Making
that dict from jieba's own cache is ~0.2-0.3 s of CPU in every process that segments text: the largest part of
a worker pool's warm-up (pipeline.warm), which every ingest waits for before its first file, and of a search
command's start. Every look-up jieba makes while it cuts a text is of a substring of the block it cuts (get_DAG
and calc over the block, __cut_DAG's unknown runs, cut_for_search's 2- and 3-grams of its words, posseg's
same steps through ``tokenizer.get_DAG``), so the entries whose first character that block holds are all it
reads. A tokenizer given :func:`install` holds those only: before each get_DAG (and each add_word) the entries of
the characters it has not met are added, from a table kept between processes (extractors.cache: each first
character's words as UTF-8 and their frequencies as 8-byte integers). The entries begin with 11,772 characters;
a report meets under a thousand of them (Baoshan 2020: 862), the common ones, whose entries are about half the
dictionary: each worker builds about half of it while it reads, instead of the forkserver building all of it
before any worker reads (the wait the run cannot spread over its cores). The segmentation is jieba's own, unchanged
(``tests/test_jieba_load.py``): jieba's code runs over a dict that holds, for each text, every entry it looks
up.
"""

from __future__ import annotations

import threading
from array import array
from pathlib import Path

from extractors import cache

Table = tuple[int, dict[str, tuple[bytes, bytes]]]  # (total frequency, first character -> (words, frequencies))


def install(tokenizer, dictionary: Path) -> bool:
    """Give ``tokenizer`` (a ``jieba.Tokenizer`` not yet initialised, whose dictionary is ``dictionary``: jieba's
    default dict.txt) the dictionary's entries by first character, as it meets them. False, and the tokenizer left
    as it was (jieba then loads its whole dictionary as always), when the tokenizer is initialised already or
    the kept table cannot be made."""
    if tokenizer.initialized:
        return False
    try:
        total, blocks = cache.kept("jieba-prefixes", lambda: _table(tokenizer, dictionary), tuple,
                                   [dictionary, Path(__file__)])
    except (OSError, ValueError):
        return False
    freq: dict[str, int] = {}
    met: set[str] = set()
    lock = threading.Lock()  # a search served from threads: one adds a character's entries at a time

    def meet(text: str) -> None:
        new = set(text)
        new -= met
        if not new:
            return
        with lock:
            for char in new - met:
                block = blocks.get(char)
                if block is not None:
                    words, counts = block
                    freq.update(zip(words.decode("utf-8").split("\n"), memoryview(counts).cast("q")))
                met.add(char)

    get_dag, add_word = tokenizer.get_DAG, tokenizer.add_word

    def get_DAG(sentence):  # noqa: N802 (jieba's name)
        meet(sentence)
        return get_dag(sentence)

    def add_word_met(word, freq=None, tag=None):
        # its prefixes are added as frequency 0 only where the dictionary has no entry (jieba takes bytes too)
        meet(word if isinstance(word, str) else bytes(word).decode("utf-8"))
        return add_word(word, freq, tag)

    tokenizer.FREQ, tokenizer.total, tokenizer.initialized = freq, total, True
    tokenizer.get_DAG, tokenizer.add_word = get_DAG, add_word_met  # instance attributes: jieba calls self.…
    return True


def _table(tokenizer, dictionary: Path) -> Table:
    """The dictionary's entries grouped by first character, built with jieba's own parse of the file."""
    with dictionary.open("rb") as f:
        entries, total = tokenizer.gen_pfdict(f)
    grouped: dict[str, list[str]] = {}
    for word in entries:
        if "\n" in word or not word:
            raise ValueError(f"{dictionary}: an entry a newline cannot separate")
        grouped.setdefault(word[0], []).append(word)
    blocks = {char: ("\n".join(words).encode("utf-8"), array("q", (entries[w] for w in words)).tobytes())
              for char, words in grouped.items()}
    return total, blocks
