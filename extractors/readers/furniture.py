"""Page furniture: a line that is only a page number (— 3 —, 3, 第 3 页 共 9 页, 3/9), printed by every
fixed-layout reader's pages and by text dumps of them; never part of a report's text."""

import regex

# — 3 —, 第 3 页 (共 9 页), 3/9: the forms no figure of a report's takes
_DECORATED_FORMS = r"[-—－–]\s*\d+\s*[-—－–]|第\s*\d+\s*页(?:\s*[,，/]?\s*共\s*\d+\s*页)?|\d+\s*/\s*\d+"
PAGE_NUMBER = regex.compile(rf"^\s*(?:{_DECORATED_FORMS}|\d{{1,4}})\s*$")


# the decorated forms only: a bare figure in the margin may be a table's (one running into the footer prints it)
_DECORATED = regex.compile(rf"^\s*(?:{_DECORATED_FORMS})\s*$")
_MARGIN = 0.08  # of the page's height: the bands a header or footer is printed in


def folio_chars(chars: list[dict], width: float, height: float) -> set[int]:
    """The ids of the ``chars`` (pdfplumber's char dicts, page coordinates) that print the page number: a run
    of chars on one line in the top or bottom margin, about the page's middle, reading as a decorated page
    number (— 3 —, 第 3 页, 3/9). A table running over the footer holds them inside its last row's cells
    (a cell read '/' and '— 2 —'); outside tables the paragraph lines drop them (PAGE_NUMBER) all the same."""
    band = sorted((c for c in chars if c["top"] >= (1 - _MARGIN) * height or c["bottom"] <= _MARGIN * height),
                  key=lambda c: (round(c["bottom"]), c["x0"]))
    lines: list[list[dict]] = []
    for c in band:
        if lines and abs(c["bottom"] - lines[-1][-1]["bottom"]) <= 1.5:
            lines[-1].append(c)
        else:
            lines.append([c])
    out: set[int] = set()
    for line in lines:
        line.sort(key=lambda c: c["x0"])
        size = max(c["bottom"] - c["top"] for c in line)
        run: list[dict] = []
        for c in line + [None]:
            if c is not None and (not run or c["x0"] - run[-1]["x1"] <= 1.5 * size):
                run.append(c)
                continue
            centre = (run[0]["x0"] + run[-1]["x1"]) / 2
            if _DECORATED.match("".join(r["text"] for r in run)) and abs(centre - width / 2) <= 0.1 * width:
                out.update(id(r) for r in run)
            run = [c] if c is not None else []
    return out
