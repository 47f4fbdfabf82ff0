"""The OCR reader fetches nothing: a scan is read in a fresh process whose every attempt to reach the network
(a name looked up, a socket connected, a URL opened) is refused and recorded by an audit hook set before
anything is imported; the models come from the installed wheel, the cells equal the truth."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SCAN = ROOT / "tests" / "fixtures" / "scans" / "hejiang-2022" / "hejiang-2022-scan.pdf"

# run in the child: refuse and count every network event (PEP 578 audit events of socket and urllib)
CHILD = r"""
import json, sys
attempts = []
def refuse(event, args):
    if event in ("socket.connect", "socket.getaddrinfo", "socket.gethostbyname", "urllib.Request"):
        attempts.append([event, repr(args)[:200]])
        raise ConnectionRefusedError(f"network refused by the test: {event}")
sys.addaudithook(refuse)
from decimal import Decimal
from extractors import read_report
report = read_report(sys.argv[1])
truth = json.loads(open(sys.argv[2], encoding="utf-8").read())
values = report.values()
wrong = [k for k, v in truth["cells"].items() if (None if v is None else Decimal(str(v))) != values.get(k)]
print(json.dumps({"attempts": attempts, "wrong": wrong, "cells": len(truth["cells"]),
                  "identity": [report.region, report.year, report.edition]}))
"""


def test_a_scan_is_read_with_the_network_refused():
    done = subprocess.run([sys.executable, "-c", CHILD, str(SCAN), str(SCAN.parent / "truth.json")],
                          cwd=ROOT, capture_output=True, text=True, timeout=600,
                          env={"PATH": "/usr/bin:/bin", "PYTHONPATH": str(ROOT), "HOME": "/nonexistent",
                               "GONGKAI_OCR_WORKERS": "1"})
    assert done.returncode == 0, done.stderr[-2000:]
    result = json.loads(done.stdout.strip().splitlines()[-1])
    truth = json.loads((SCAN.parent / "truth.json").read_text(encoding="utf-8"))
    assert result["attempts"] == []
    assert result["cells"] == len(truth["cells"]) > 0 and result["wrong"] == []
    assert result["identity"] == [truth["region"], truth["year"], truth["edition"]]
