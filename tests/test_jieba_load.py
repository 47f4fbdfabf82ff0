"""extractors.facts.load_jieba loads jieba faster than ``import jieba`` does (pkg_resources left out, the
dictionary's entries added by first character as the text meets them: extractors.prefix_dictionary), and jieba
cuts and tags as it does with its whole dictionary: each way in a fresh interpreter, compared."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]

# the text cut: a real report, and every 37th word of jieba's dictionary (rare first characters, words the
# report never uses) in runs of Han text, Latin and figures
_TEXT = """
import pathlib
dict_txt = (pathlib.Path(jieba.__file__).parent / "dict.txt").read_text("utf-8")
words = [line.split(" ")[0] for line in dict_txt.splitlines()]
text = pathlib.Path(%r).read_text("utf-8")
text += "。".join("".join(words[i:i + 7]) + f"ABC{i}" for i in range(0, len(words), 37 * 7))
""" % str(ROOT.parent / "shared" / "corpus" / "baoshan-2020-report.txt")

_DIGEST = _TEXT + """
import hashlib, sys
import jieba.posseg as posseg
d = jieba.dt
cut = [" ".join(jieba.cut_for_search(part)) for part in text.split("。")]
tags = [" ".join(f"{w}/{f}" for w, f in posseg.cut(part)) for part in text.split("。")[:400]]
print(hashlib.sha256(repr((cut, tags)).encode()).hexdigest())
# the entries whose first character the text or a domain word holds: all of them in either dictionary
met = set(text) | {c for w in d.user_word_tag_tab for c in w}
print(hashlib.sha256(repr(sorted((k, v) for k, v in d.FREQ.items() if k[0] in met)).encode()).hexdigest())
print(d.total, hashlib.sha256(repr(sorted(d.user_word_tag_tab.items())).encode()).hexdigest())
print("pkg_resources" in sys.modules, len(d.FREQ))
print(" ".join(jieba.cut_for_search("本机关全年共收到政府信息公开申请120件，依申请公开政府信息")))
"""

_PLAIN = """
import jieba
from extractors.facts import words
jieba.setLogLevel(60)
for word in words().words:
    jieba.add_word(word, tag="n")
"""

_OURS = """
from extractors.facts import load_jieba
jieba = load_jieba()
"""


def _run(code: str, env: dict | None = None) -> list[str]:
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True,
                         env=env)
    return out.stdout.splitlines()


@pytest.mark.skipif(not (ROOT.parent / "shared" / "corpus").is_dir(),
                    reason="../shared/corpus is not beside the project")
def test_load_jieba_cuts_and_tags_as_jieba_with_its_whole_dictionary(tmp_path):
    env = {**os.environ, "GONGKAI_CACHE": str(tmp_path)}
    plain = _run(_PLAIN + _DIGEST)
    built = _run(_OURS + _DIGEST, env)  # the table by first character built, then kept
    assert len(list(tmp_path.glob("jieba-prefixes-*.pickle"))) == 1
    loaded = _run(_OURS + _DIGEST, env)
    assert built[:3] == loaded[:3] == plain[:3]  # the same cuts, tags, entries met, total and domain tags
    assert built[4] == loaded[4] == plain[4]
    whole = int(plain[3].split()[1])
    ours_pkg, ours_entries = loaded[3].split()
    assert ours_pkg == "False"  # setuptools' pkg_resources was not imported
    assert whole > 400_000 and 0 < int(ours_entries) < whole  # only the entries of the characters met


def test_a_worker_reads_and_extracts_without_the_database_layer():
    """The pool's forkserver imports pipeline.warm, and its workers run read_task: neither imports SQLAlchemy,
    psycopg or the models (0.2 s of every pool's warm-up, before the first file)."""
    pdf = next((ROOT / "tests" / "fixtures").rglob("*.pdf"))
    docx = next((ROOT / "tests" / "fixtures").rglob("*.docx"))
    code = f"""
import sys
import pipeline.warm
from pipeline.tasks import read_task
statuses = [read_task(p).status for p in ({str(pdf)!r}, {str(docx)!r})]
print(statuses, sorted(m for m in ("sqlalchemy", "psycopg", "pipeline.db", "alembic") if m in sys.modules))
"""
    assert _run(code)[-1] == "['report', 'report'] []"


def test_the_command_line_imports_no_extractor_until_a_file_is_read():
    """The ingesting process of a worker pool stores what its workers read: importing the command line (every
    command's start-up) imports neither the extractors nor jieba (~0.3 s of CPU); the package's public names are
    there all the same, each imported as it is first asked for."""
    code = """
import sys
import pipeline.cli
print(sorted(m for m in ("extractors.report", "extractors.facts", "extractors.tables", "jieba", "pdfplumber")
             if m in sys.modules))
import extractors
missing = [name for name in extractors.__all__ if getattr(extractors, name, None) is None]
print(missing, "extractors.report" in sys.modules, set(extractors.__all__) <= set(dir(extractors)))
"""
    assert _run(code)[-2:] == ["[]", "[] True True"]


def test_a_file_without_pictures_is_read_without_numpy():
    """extractors.readers.pictures imports numpy (~70 ms of the first read of a process: each in-process ingest,
    the pool's forkserver) only to look at a picture: the samples' DOCX, HTML and PDF read without it."""
    samples = [ROOT / "data" / "raw" / f"baoshan-2020.{ext}" for ext in ("docx", "html", "pdf")]
    code = f"""
import sys
from pipeline.tasks import read_task
print([read_task(p).status for p in {[str(p) for p in samples]!r}], "numpy" in sys.modules)
from extractors.readers.pictures import image_blocks
print(image_blocks(b"not an image"), "numpy" in sys.modules)
"""
    assert _run(code)[-2:] == ["['report', 'report', 'report'] False", "[] True"]


def test_the_pools_warm_up_imports_no_numpy():
    """The forkserver (pipeline.warm) imports every format's reader before it forks a worker; none of them imports
    numpy at the top (~60 ms of the warm-up every pooled ingest waits for): a scanned page imports it."""
    code = """
import sys
import pipeline.warm
from extractors.readers import FORMATS
print(sorted(f for f in FORMATS if f"extractors.readers.{f}" not in sys.modules), "numpy" in sys.modules)
"""
    assert _run(code)[-1] == "[] False"


_TAGS = """
import hashlib
t = posseg.dt.word_tag_tab
print(len(t), hashlib.sha256(repr(sorted(t.items())).encode()).hexdigest())
print(" ".join(f"{w}/{f}" for w, f in posseg.cut("本机关全年共收到政府信息公开申请120件，主动公开规范性文件8条")))
"""


def test_posseg_from_the_kept_table_tags_as_jiebas_own_parse(tmp_path):
    """extractors.pos_tags: jieba.posseg's word → tag table made from the kept compact form (first built, then
    loaded) is the table ``import jieba.posseg`` parses from dict.txt, and tags the same."""
    env = {**os.environ, "GONGKAI_CACHE": str(tmp_path)}
    plain = _run(_PLAIN + "import jieba.posseg as posseg\n" + _TAGS)
    ours = "from extractors.facts import _posseg\nposseg = _posseg()\n" + _TAGS
    built = _run(ours, env)
    assert len(list(tmp_path.glob("pos-tags-*.pickle"))) == 1  # built and kept (facts.yaml is kept beside it)
    loaded = _run(ours, env)
    assert built[-2:] == loaded[-2:] == plain[-2:]
    assert int(plain[-2].split()[0]) > 300_000  # jieba's whole dictionary, not an empty table
    assert "收到/v" in plain[-1]


def test_word_tags_behave_as_the_dict_jieba_builds():
    """extractors.pos_tags.WordTags answers what jieba.posseg asks of its table (``get``, ``update`` with the
    user's words, which win) as the dict it replaces does, words of any order given sorted."""
    from extractors.pos_tags import WordTags

    table = {"申请": "vn", "公开": "v", "政府": "n", "件": "q", "a": "eng"}
    words = sorted(table)
    names = tuple(sorted(set(table.values())))
    tags = WordTags(words, names, bytes(names.index(table[w]) for w in words))
    added = {"政府信息": "n", "件": "n"}
    plain = {**table}
    for probe in (tags, plain):
        probe.update(added)
    for word in [*table, *added, "不在", "", "申", "申请人"]:
        assert tags.get(word, "x") == plain.get(word, "x")
        assert (word in tags) == (word in plain)
    assert dict(tags) == plain and len(tags) == len(plain)
    with pytest.raises(KeyError):
        tags["不在"]
    with pytest.raises(ValueError):
        WordTags(words, names, b"\x00")
