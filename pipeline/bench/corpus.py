"""Generated corpora for ``make bench``: N report files made by cheap mutations of the committed fixtures.

No LibreOffice: each file is a fixture (tests/fixtures/…, a folder with its truth.json) changed in place.

DOCX (word/document.xml) and HTML (the decoded text, re-encoded as it came)
    region: every printed name of the fixture's division chain (province, prefecture, county) becomes the
        name of another division of the same level and shape, in force in the latest division table and
        named once in it (so the resolver reads it back unambiguously);
    year: every "YYYY年" within five years before the report year to two after is shifted so the report year
        becomes another year of the same edition (2019-2020 for ed2019, 2021-2024 for ed2021);
    figures: every number that is a whole text node inside a table (a sign and a unit 万元/元/% may stand
        with it) is multiplied by k (1-4); sums stay sums, decimals keep their places, full-width digits stay
        full-width, thousands separators stay.
PDF
    an incremental update (pypdf) adding an Info dictionary that names the corpus item: other bytes (another
    sha256, so another document), the same content. PDF text is not rewritten: subset fonts make that unsafe.
    So a PDF keeps its fixture's body and year: ``copies`` (the growth run: 3) bounds how many PDFs of one
    body-year a corpus holds, as in a real collection (a body-year is published in 1-3 formats); once every
    PDF body-year has its copies, a PDF's turn goes to DOCX/HTML. Without it (the format bench) PDFs repeat.

Each (edition, region, year) slot is taken at most once per corpus until the slots run out, so DOCX/HTML
reports are distinct body-years as in a real collection; then again (``copies`` bounds how many times: once a
shape of division has no slot left, its fixtures give way to those of shapes that have). Deterministic: the same seed and index give the same
bytes, and the corpus of N files is the first N files of any larger one.
"""

from __future__ import annotations

import io
import json
import random
import re
import unicodedata
import zipfile
from collections import defaultdict
from dataclasses import asdict, dataclass, field
from decimal import Decimal
from functools import cache
from pathlib import Path

from extractors.numerals import CHANGE_WORDS

FIXTURES = Path(__file__).resolve().parents[2] / "tests" / "fixtures"
FORMATS = ("pdf", "docx", "html")
EDITION_YEARS = {"ed2019": (2019, 2020), "ed2021": (2021, 2022, 2023, 2024)}
LEFT_OUT = ("scans", "garbage", "pictures", "portal", "dumps")  # read by OCR (timed apart: scans, garbage
# text layers, tables pasted as pictures); not reports; text dumps


@dataclass(frozen=True)
class Source:
    """A committed fixture file and the truth of its folder."""

    path: Path
    format: str  # pdf | docx | html
    truth: dict = field(repr=False, compare=False, hash=False)


@dataclass(frozen=True)
class Item:
    """One generated file: where it came from and what a correct reading of it gives."""

    path: str
    source: str  # the fixture, relative to tests/fixtures
    format: str
    region: str | None
    admin_code: str | None
    issuer: str | None
    year: int | None
    k: int  # figures multiplied by k (1 for PDFs: their text is unchanged)


@cache
def sources(formats: tuple[str, ...] = FORMATS) -> dict[str, tuple[Source, ...]]:
    """The fixtures a corpus is made from, per format: born-digital reports whose folder has a truth.json
    with the region, code and year (every fixture of tests/fixtures but those read by OCR, portal pages and dumps)."""
    out: dict[str, list[Source]] = {fmt: [] for fmt in formats}
    for truth_path in sorted(FIXTURES.rglob("truth.json")):
        folder = truth_path.parent
        if folder.relative_to(FIXTURES).parts[0] in LEFT_OUT:
            continue
        truth = json.loads(truth_path.read_text(encoding="utf-8"))
        if not (truth.get("admin_code") and truth.get("year") and truth.get("edition") in EDITION_YEARS
                and truth.get("cells")):
            continue
        for path in sorted(folder.iterdir()):
            fmt = path.suffix.lower().lstrip(".")
            if fmt in out and not path.name.startswith("."):
                out[fmt].append(Source(path, fmt, truth))
    return {fmt: tuple(found) for fmt, found in out.items()}


# --- divisions ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Place:
    code: str
    names: tuple[str, ...]  # province, prefecture (if any), the division itself (if not the province)
    level: str

    @property
    def full_name(self) -> str:
        return "".join(self.names)


@cache
def places() -> dict[str, Place]:
    """Divisions in force in the latest table whose own name is unique in it, by code."""
    from extractors.regions import division_table

    table = division_table()
    out = {}
    for name, divisions in table.by_name.items():
        latest = [d for d in divisions if table.latest_year in d.years]
        if len(latest) != 1 or len({d.code for d in divisions}) != 1 or name in ("市辖区", "县"):
            continue
        d = latest[0]
        names = (d.province,) + ((d.prefecture,) if d.prefecture else ()) + ((d.name,) if d.level != "province" else ())
        out[d.code] = Place(d.code, names, d.level)
    return out


@cache
def _by_code() -> dict[str, Place]:
    """Every division in force in the latest table, by code (a fixture's own division may share its name)."""
    from extractors.regions import division_table

    table = division_table()
    out = {}
    for divisions in table.by_name.values():
        for d in divisions:
            if table.latest_year in d.years:
                names = (d.province,) + ((d.prefecture,) if d.prefecture else ()) + ((d.name,) if d.level != "province" else ())
                out[d.code] = Place(d.code, names, d.level)
    return out


def _shape(place: Place) -> tuple[str, int]:
    return place.level, len(place.names)


@cache
def _pool(level: str, depth: int) -> tuple[Place, ...]:
    return tuple(p for _c, p in sorted(places().items()) if _shape(p) == (level, depth))


# --- text mutations ----------------------------------------------------------------------------------------

_YEAR = re.compile(r"(?<![0-9])((?:19|20)[0-9]{2})(?=\s*年)")
_FULLWIDTH = str.maketrans("0123456789,.", "０１２３４５６７８９，．")


@dataclass(frozen=True)
class Mutation:
    """What changes in a text: names (old → new), year shift (report year old → new), figures × k."""

    names: dict[str, str]
    year: int
    new_year: int
    k: int
    code: str | None = None  # the new division's code

    def text(self, s: str) -> str:
        """Names and years in running text."""
        if self.names:
            pattern = re.compile("|".join(map(re.escape, sorted(self.names, key=len, reverse=True))))
            s = pattern.sub(lambda m: self.names[m.group(0)], s)
        if self.new_year != self.year:
            delta = self.new_year - self.year

            def shift(m: re.Match) -> str:
                y = int(m.group(1))
                return str(y + delta) if self.year - 5 <= y <= self.year + 2 else m.group(1)

            s = _YEAR.sub(shift, s)
        return s

    def figure(self, printed: str) -> str:
        """A printed number times k, written as it was (separators, decimals, full-width digits)."""
        if self.k == 1:
            return printed
        if printed[:1] in "（(" and printed[-1:] in "）)":  # （-2）, (3): a signed change, an accountants' negative
            return printed[0] + self.figure(printed[1:-1]) + printed[-1]
        sign = _SIGN.match(printed).group(0)
        unit = re.search(r"\s*[亿万元%％]*$", printed).group(0)
        printed = printed[len(sign):len(printed) - len(unit)]
        plain = unicodedata.normalize("NFKC", printed)
        comma = "," in plain
        value = Decimal(plain.replace(",", "")) * self.k
        places_ = len(plain.split(".")[1]) if "." in plain else 0
        out = f"{value:,.{places_}f}" if comma else f"{value:.{places_}f}"
        return sign + (out.translate(_FULLWIDTH) if plain != printed else out) + unit


_SIGNS = r"[+\-−－]|" + "|".join(CHANGE_WORDS)  # a sign, or a change in words (增加3, 减少2)
_SIGN = re.compile(f"{_SIGNS}|")
_FIGURE = r"(?:[0-9０-９]{1,3}(?:[,，][0-9０-９]{3})+(?:[.．][0-9０-９]+)?|[0-9０-９]+(?:[.．][0-9０-９]+)?)"
_NUMBER = (f"(?:{_SIGNS})?{_FIGURE}" + r"(?:\s*(?:亿元|万元|元|万|%|％))?"
           + f"|[（(](?:{_SIGNS})?{_FIGURE}[）)]")  # in brackets: （-2）, (3) in 本年增/减
_DOCX_FIGURE = re.compile(r"(<w:t(?:\s[^>]*)?>)(\s*)(" + _NUMBER + r")(\s*)(</w:t>)")
_HTML_FIGURE = re.compile(r"(>)((?:\s|&nbsp;)*)(" + _NUMBER + r")((?:\s|&nbsp;)*)(<)")


def _in_tables(s: str, open_tag: str, close_tag: str, pattern: re.Pattern, mutation: Mutation) -> str:
    """Figures multiplied inside the (outermost) tables of an XML/HTML text only."""
    if mutation.k == 1:
        return s
    out, pos = [], 0
    tag = re.compile(f"({re.escape(open_tag)}[\\s>])|({re.escape(close_tag)})", re.IGNORECASE)
    depth, start = 0, 0
    for m in tag.finditer(s):
        if m.group(1):
            if depth == 0:
                start = m.start()
            depth += 1
        elif depth:
            depth -= 1
            if depth == 0:
                out.append(s[pos:start])
                out.append(pattern.sub(lambda f: f.group(1) + f.group(2) + mutation.figure(f.group(3))
                                       + f.group(4) + f.group(5), s[start:m.end()]))
                pos = m.end()
    out.append(s[pos:])
    return "".join(out)


def mutate_docx(data: bytes, mutation: Mutation) -> bytes:
    """word/document.xml (and headers/footers, and DOCX or HTML altChunk parts) with names, years and table
    figures changed; the other parts copied byte for byte."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            part = src.read(info)
            if re.fullmatch(r"word/(document|header\d*|footer\d*)\.xml", info.filename):
                xml = mutation.text(part.decode("utf-8"))
                if info.filename == "word/document.xml":
                    xml = _in_tables(xml, "<w:tbl", "</w:tbl>", _DOCX_FIGURE, mutation)
                part = xml.encode("utf-8")
            elif info.filename.startswith("word/"):  # altChunk parts: a whole document inside the document
                if info.filename.endswith(".docx"):
                    part = mutate_docx(part, mutation)
                elif re.search(r"\.x?html?$", info.filename):
                    part = mutate_html(part, mutation)
            dst.writestr(info, part)
        dst.comment = f"gongkai bench {mutation}".encode()[:65535]  # other bytes even where nothing changed
    return out.getvalue()


def mutate_html(data: bytes, mutation: Mutation) -> bytes:
    """The page with names, years and table figures changed, written in the encoding it came in."""
    for encoding in ("utf-8", "gb18030"):
        try:
            text = data.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:
        return data + b"\n<!-- bench -->"
    text = _in_tables(mutation.text(text), "<table", "</table>", _HTML_FIGURE, mutation)
    return text.encode(encoding)


def mutate_pdf(data: bytes, label: str) -> bytes:
    """The same PDF with an incremental update naming ``label`` in its Info dictionary: other bytes, same
    pages."""
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(PdfReader(io.BytesIO(data)), incremental=True)
    writer.add_metadata({"/Subject": label, "/Keywords": "gongkai bench corpus"})
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


# --- the corpus --------------------------------------------------------------------------------------------


class Slots:
    """(place, year) pairs per (edition, level, depth), shuffled once by the seed, handed out in order; and
    the PDFs taken per body-year."""

    def __init__(self, seed: int, copies: int | None = None):
        self.seed = seed
        self.copies = copies  # PDFs of one body-year at most (None: no bound)
        self.taken: dict[tuple, int] = {}
        self.lists: dict[tuple, list[tuple[Place, int]]] = {}
        self.pdf_taken: dict[tuple, int] = defaultdict(int)

    def room(self, edition: str, shape: tuple[str, int]) -> bool:
        """Whether a slot of this shape is left: each (place, year) handed out at most ``copies`` times (no
        bound without ``copies``: the list starts again)."""
        if self.copies is None:
            return True
        n = len(_pool(*shape)) * len(EDITION_YEARS[edition])
        return self.taken.get((edition, *shape), 0) < n * self.copies

    def next(self, edition: str, shape: tuple[str, int]) -> tuple[Place, int] | None:
        key = (edition, *shape)
        if key not in self.lists:
            pairs = [(p, y) for p in _pool(*shape) for y in EDITION_YEARS[edition]]
            random.Random(f"{self.seed}:{key}").shuffle(pairs)
            self.lists[key] = pairs
        pairs = self.lists[key]
        if not pairs or not self.room(edition, shape):
            return None
        i = self.taken.get(key, 0)
        self.taken[key] = i + 1
        return pairs[i % len(pairs)]


def plan(source: Source, index: int, seed: int, slots: Slots) -> Mutation | None:
    """The mutation of a DOCX/HTML source for corpus item ``index``; None where its division is unknown."""
    truth = source.truth
    place = _by_code().get(truth["admin_code"])
    if place is None:
        return None
    slot = slots.next(truth["edition"], _shape(place))
    if slot is None:
        return None
    target, year = slot
    names = {old: new for old, new in zip(place.names, target.names) if old != new}
    k = random.Random(f"{seed}:{index}:k").randint(1, 4)
    return Mutation(names, int(truth["year"]), year, k, target.code)


def expected(source: Source, mutation: Mutation | None, k: int = 1) -> dict:
    """The truth of a generated file: the fixture's truth with names, year and figures changed."""
    truth = dict(source.truth)
    if mutation is None:
        return truth
    for name in ("region", "issuer", "issuer_full", "title"):
        if truth.get(name):
            truth[name] = mutation.text(truth[name])
    truth["admin_code"] = mutation.code or truth["admin_code"]
    truth["year"] = mutation.new_year
    truth["cells"] = {key: (None if v is None else _times(v, mutation.k)) for key, v in truth["cells"].items()}
    return truth


def _times(value, k: int):
    product = Decimal(str(value)) * k
    return int(product) if product == product.to_integral_value() else float(product)


def generate(out: str | Path, n: int, seed: int = 0, start: int = 0,
             formats: tuple[str, ...] = FORMATS, copies: int | None = None) -> list[Item]:
    """Write corpus items ``start`` … ``start + n - 1`` into ``out/<format>/``; formats in turn, fixtures of a
    format in turn; at most ``copies`` PDFs of one body-year (None: no bound). Returns the items (also written
    to ``out/manifest-<start>.jsonl``)."""
    out = Path(out)
    pool = sources()
    formats = tuple(f for f in formats if pool.get(f))
    slots = Slots(seed, copies)
    for skipped in range(start):  # the slots earlier items took, so that item i is the same in every corpus
        _choose(skipped, seed, pool, formats, slots)
    items = []
    for index in range(start, start + n):
        source, mutation = _choose(index, seed, pool, formats, slots)
        data = source.path.read_bytes()
        label = f"bench seed {seed} item {index}"
        if source.format == "pdf":
            data = mutate_pdf(data, label)
        elif source.format == "docx":
            data = mutate_docx(data, mutation) if mutation else mutate_docx(data, Mutation({}, 0, 0, 1))
        else:
            data = mutate_html(data, mutation) if mutation else data + f"\n<!-- {label} -->".encode()
        truth = expected(source, mutation)
        path = out / source.format / f"{index:06d}-{source.path.stem}.{source.format}"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        items.append(Item(str(path), str(source.path.relative_to(FIXTURES)), source.format, truth.get("region"),
                          truth.get("admin_code"), truth.get("issuer"), truth.get("year"),
                          mutation.k if mutation else 1))
    with (out / f"manifest-{start}.jsonl").open("w", encoding="utf-8") as manifest:
        for item in items:
            manifest.write(json.dumps(asdict(item), ensure_ascii=False) + "\n")
    return items


def _choose(index: int, seed: int, pool, formats, slots: Slots) -> tuple[Source, Mutation | None]:
    fmt = formats[index % len(formats)]
    choices = pool[fmt]
    if fmt == "pdf" and slots.copies is not None:
        choices = tuple(s for s in choices if slots.pdf_taken[pdf_body_year(s)] < slots.copies)
        if not choices:  # every PDF body-year has its copies: the turn goes to another format
            others = [f for f in formats if f != "pdf"]
            if not others:
                raise ValueError(f"a corpus of PDFs only holds at most {slots.copies} copies of each body-year")
            fmt = others[index // len(formats) % len(others)]
            choices = pool[fmt]
    if fmt != "pdf" and slots.copies is not None:  # a fixture whose shape of division has slots left
        choices = tuple(s for s in choices if _shape_of(s) is not None and slots.room(s.truth["edition"], _shape_of(s)))
        if not choices:
            raise ValueError(f"every (division, year) of the fixtures' shapes has {slots.copies} copies")
    source = choices[random.Random(f"{seed}:{index}:source").randrange(len(choices))]
    if fmt == "pdf":
        slots.pdf_taken[pdf_body_year(source)] += 1
    mutation = plan(source, index, seed, slots) if fmt != "pdf" else None
    return source, mutation


def _shape_of(source: Source) -> tuple[str, int] | None:
    place = _by_code().get(source.truth["admin_code"])
    return _shape(place) if place is not None else None


@cache
def _body_year_of(truth_path: Path) -> tuple[str, int]:
    from pipeline.bodies import body_of

    truth = json.loads(truth_path.read_text(encoding="utf-8"))
    body = body_of(admin_code=truth.get("admin_code"), region=truth.get("region"), issuer=truth.get("issuer"),
                   issuer_kind=truth.get("issuer_kind"), title=truth.get("title"), year=truth.get("year"))
    return body.key, int(truth["year"])


def pdf_body_year(source: Source) -> tuple[str, int]:
    """The body-year (pipeline.bodies) a PDF of ``source`` is read as: its fixture's, from the truth."""
    return _body_year_of(source.path.parent / "truth.json")
