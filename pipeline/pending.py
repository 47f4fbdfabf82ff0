"""The pending set: what derived data must be recomputed, recorded in the transaction that changes a document.

Derived data is what the pipeline computes across reports after storing them: the copy ranks of a body-year
(pipeline.bodies), the quality flags (pipeline.quality), the text reuse (pipeline.reuse) and the corrections'
statuses (pipeline.review). The table ``pending`` holds, per change:

- ``body_year`` (body, year): a report of that body-year was replaced, removed or renamed. Completing it
  re-ranks that body-year's copies, and recomputes the quality flags and text reuse of the body-years that
  depend on it (``quality.dependants``: itself, the same body's next year, the parent division's whole-area
  report of that year; ``reuse.dependants``: itself and the next year);
- ``copy`` (body, year): a new document's report of that body-year was stored (the store's every report:
  ``mark_inserted``). Completed as ``body_year``, except that the quality flags are left as they are when the
  ranking placed the new copies after the copy that counted before (bodies.rerank_many), stored by an earlier
  run that completed: the checks read the counted copy of each body-year only, whose figures, name and rank
  are then what they were. A second or third format copy of a report does not recompute its body's
  neighbourhood;
- ``document`` (sha256): bytes stored or removed; completing it recomputes their corrections' statuses.

``mark`` writes the entries inside the caller's transaction, so a change and its entries commit together or
not at all. ``complete`` reads the entries, recomputes in the stages' own transactions (each idempotent: the
same inputs give the same rows), and deletes exactly the entries it read, last: a crash at any point leaves
them to redo, never lost; entries another process adds meanwhile stay for the next ``complete``.

A review verdict or a correction changes no derived data (flags are computed from the published cells; a new
correction's status is set when it is made, a withdrawn one is deleted): neither marks anything.

``VERSION`` (kept in ``meta``) names the definition of the derived data; a database whose version differs (one
upgraded from before this table existed, whose interrupted run left nothing on record, or made by code whose
checks have changed since) is recomputed entirely by the next ``complete``, and reads as pending until then.
"""

from __future__ import annotations

import os
import sys
import time
from array import array
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import bindparam, delete, func, insert, literal, select
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.orm import Session
from sqlalchemy.sql import ColumnElement

from pipeline import bodies
from pipeline.db import DocumentRow, MetaRow, PendingRow, ReportRow, in_lists, lock

# Bump when a check, the text reuse or the corrections' statuses are computed differently: the next complete()
# recomputes every report (the ranking has its own, pipeline.bodies.VERSION).
VERSION = "1"
_META_KEY = "derived_version"
STALE_MESSAGE = "the quality flags are out of date: run `gongkai check --refresh` (or ingest)"


def mark(target: Session | Connection, documents: ColumnElement[bool]) -> None:
    """Record what must be recomputed because the documents ``documents`` selects (a where-clause on
    DocumentRow, e.g. ``DocumentRow.path == where``) change. Call it inside the transaction that changes them:
    before deleting them (for what they were), after inserting or updating them (for what they are; a report
    without a body gets it here, so that its body-year is known)."""
    if isinstance(target, Session):
        target.flush()
        conn = target.connection()
    else:
        conn = target
    reports = select(ReportRow.id).join(DocumentRow, DocumentRow.id == ReportRow.document_id).where(documents)
    bodies.assign_bodies(conn, ids=conn.execute(reports.where(ReportRow.body.is_(None))).scalars().all())
    conn.execute(insert(PendingRow).from_select(
        ["kind", "body", "year"],
        select(literal("body_year"), ReportRow.body, ReportRow.year).distinct()
        .join(DocumentRow, DocumentRow.id == ReportRow.document_id).where(documents)))
    conn.execute(insert(PendingRow).from_select(
        ["kind", "sha256"], select(literal("document"), DocumentRow.sha256).distinct().where(documents)))


_PENDING_COPY = insert(PendingRow).values(kind="copy", body=bindparam("body"), year=bindparam("year"))
_PENDING_DOCUMENT = insert(PendingRow).values(kind="document", sha256=bindparam("sha"))


def mark_inserted(conn: Connection, sha256: str, body_year: tuple[str | None, int | None] | None) -> None:
    """``mark(conn, DocumentRow.id == …)`` for a document just inserted with the bytes ``sha256`` and, when it
    holds a report, that report's (body, year), the body given at its insert (pipeline.bodies.body_of): the
    same entries, straight from the values (the store's every document: no look-up of what it just wrote),
    its body-year's entry of kind ``copy`` (a report added, nothing else changed)."""
    if body_year is not None:
        conn.execute(_PENDING_COPY, {"body": body_year[0], "year": body_year[1]})
    conn.execute(_PENDING_DOCUMENT, {"sha": sha256})


def outdated(conn: Connection) -> bool:
    """Whether derived data awaits recomputing: entries pending, or stored reports whose derived data another
    definition made (``VERSION``, pipeline.bodies.VERSION)."""
    if conn.execute(select(PendingRow.id).limit(1)).first() is not None:
        return True
    return not _current(conn) and conn.execute(select(ReportRow.id).limit(1)).first() is not None


def _current(conn: Connection) -> bool:
    stored = conn.execute(select(MetaRow.value).where(MetaRow.key == _META_KEY)).scalar()
    return stored == VERSION and bodies.up_to_date(conn)


def warn_if_outdated(engine: Engine) -> bool:
    """For read commands: one line on standard error when derived data is out of date; whether it is."""
    with engine.connect() as conn:
        stale = outdated(conn)
    if stale:
        print(f"gongkai: {STALE_MESSAGE}", file=sys.stderr)
    return stale


@dataclass
class Completed:
    """What one ``complete`` recomputed."""

    entries: int = 0  # pending entries completed (deleted)
    everything: bool = False  # every report recomputed (asked for, or another definition's derived data)
    body_years: set = field(default_factory=set)  # changed body-years (every one, when everything)
    documents: int = 0  # document bytes whose corrections were recomputed (when not everything)
    ranked: int = 0  # body-years whose copies were ranked
    checked: int = 0  # changed body-years whose quality flags (and their dependants') were recomputed
    quality_flags: int = 0  # quality flags made for the body-years recomputed
    reuse: int = 0  # reports whose text reuse was computed
    corrections: int = 0  # corrections whose status was computed

    def __str__(self) -> str:
        if not (self.entries or self.everything):
            return "nothing pending: the derived data is up to date"
        scope = ("every report" if self.everything else
                 f"{len(self.body_years)} changed body-year(s) and what compares with them")
        checked = "" if self.everything or self.checked == len(self.body_years) else \
            f" (of {self.checked} body-year(s): the others only gained a copy that does not count)"
        return (f"recomputed {scope}: {self.ranked} body-year(s) ranked, {self.quality_flags} quality flag(s){checked}, "
                f"text reuse of {self.reuse} report(s), {self.corrections} correction status(es); "
                f"{self.entries} pending entr{'y' if self.entries == 1 else 'ies'} completed")


def complete(engine: Engine, *, everything: bool = False) -> Completed:
    """Recompute the derived data the pending entries name (all of it when ``everything``, or when the
    database's derived data was made by another definition), then delete the entries read; what was done."""
    from pipeline.quality import refresh_quality_count
    from pipeline.reuse import refresh_text_reuse
    from pipeline.review import refresh_corrections

    pause("after-documents")
    ids = array("q")  # the entries read, deleted once done (not those another process adds meanwhile)
    changed: set[tuple[str, int | None]] = set()  # body-years of every entry
    replaced: set[tuple[str, int | None]] = set()  # those of ``body_year`` entries
    shas: set[str] = set()
    with engine.connect() as conn:  # streamed: a run of 10,000 files leaves 20,000 entries
        for id_, kind, body, year, sha in conn.execute(select(PendingRow.id, PendingRow.kind, PendingRow.body,
                                                              PendingRow.year, PendingRow.sha256)):
            ids.append(id_)
            if kind in ("body_year", "copy") and body is not None:
                changed.add((body, year))
                if kind == "body_year":
                    replaced.add((body, year))
            elif kind == "document" and sha is not None:
                shas.add(sha)
        everything = everything or not _current(conn)
        if not ids and (not everything or conn.execute(select(ReportRow.id).limit(1)).first() is None):
            return Completed()
    done = Completed(entries=len(ids), everything=everything)
    with engine.begin() as conn:
        lock(conn, "copies")  # one process at a time ranks: each reads what the other wrote
        if everything:  # each body-year ranked once, from scratch (not its stale ones first, then all again)
            bodies.unrank_all(conn)
            changed = {(body, year) for body, year in conn.execute(
                select(ReportRow.body, ReportRow.year).distinct().where(ReportRow.body.is_not(None)))}
        kept = bodies.rerank_many(conn, changed)
        done.ranked = len(changed)
        unchanged = _counted_as_before(conn, {by: rid for by, rid in kept.items() if by not in replaced}, shas)
    done.body_years = changed
    checked = changed - unchanged
    done.checked = len(checked)
    pause("after-copies")
    done.quality_flags = refresh_quality_count(engine, None if everything else checked)
    pause("after-quality")
    done.reuse = refresh_text_reuse(engine, None if everything else changed)
    done.corrections = sum(refresh_corrections(engine, None if everything else shas).values())
    done.documents = len(shas)
    pause("before-clearing")
    with engine.begin() as conn:
        lock(conn, "pending")  # two processes completing at once write the derived version one after the other
        for part in in_lists(ids):
            conn.execute(delete(PendingRow).where(PendingRow.id.in_(part.tolist())))
        if everything:
            conn.execute(delete(MetaRow).where(MetaRow.key == _META_KEY))
            conn.execute(insert(MetaRow).values(key=_META_KEY, value=VERSION))
    return done


def _counted_as_before(conn: Connection, kept: dict[tuple[str, int | None], int],
                       pending_shas: set[str]) -> set[tuple[str, int | None]]:
    """Of the body-years ``kept`` (body-year → the id of its counted copy, which the ranking kept counted, and
    only ``copy`` entries pending), those whose quality flags stand: their counted copy's document was stored
    and completed before this run (its bytes have no pending entry). The checks read the counted copy of a
    body-year only, whose figures, name and rank are then what they were when its flags were made. A counted
    copy stored by an interrupted run (its entries left pending) is checked now."""
    ids = sorted(kept.values())
    known: dict[int, str] = {}
    for part in in_lists(ids):
        known.update(conn.execute(select(ReportRow.id, DocumentRow.sha256)
                                  .join(DocumentRow, DocumentRow.id == ReportRow.document_id)
                                  .where(ReportRow.id.in_(part))).all())
    return {by for by, rid in kept.items() if rid in known and known[rid] not in pending_shas}


def count(engine: Engine) -> int:
    """How many entries are pending."""
    with engine.connect() as conn:
        return conn.execute(select(func.count()).select_from(PendingRow)).scalar_one()


def pause(stage: str) -> None:
    """Test hook for the crash tests: when $GONGKAI_TEST_PAUSE_AT names ``stage``, write this process's id to
    the file $GONGKAI_TEST_PAUSE_MARKER and sleep ($GONGKAI_TEST_PAUSE_SECONDS, default 600), so that a test
    can kill the real process there. Stages: after-documents, after-copies, quality-written (inside the
    quality flags' transaction), after-quality, before-clearing."""
    if os.environ.get("GONGKAI_TEST_PAUSE_AT") != stage:
        return
    marker = os.environ.get("GONGKAI_TEST_PAUSE_MARKER")
    if marker:  # written whole, then renamed: a test polling for the file never reads it empty
        partial = Path(marker + ".partial")
        partial.write_text(str(os.getpid()))
        os.replace(partial, marker)
    time.sleep(float(os.environ.get("GONGKAI_TEST_PAUSE_SECONDS", "600")))
