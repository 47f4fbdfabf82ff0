"""DOCX -> PDF (or .doc) with LibreOffice headless (a private profile, so it never collides with another soffice)."""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path


def render_pdf(docx: Path, to: str = "pdf") -> Path:
    return convert_all([docx], to)[0]


def convert_all(docxs: list[Path], to: str = "pdf") -> list[Path]:
    """Convert every file with one LibreOffice run (its start-up is most of the cost); each output is written
    beside its source. Files in several folders: one run per folder."""
    if not docxs:
        return []
    folders: dict[Path, list[Path]] = {}
    for d in docxs:
        folders.setdefault(d.parent, []).append(d)
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if not soffice:
        raise RuntimeError("soffice not found: apt-get install libreoffice-writer-nogui fonts-noto-cjk")
    with tempfile.TemporaryDirectory(prefix="gongkai-lo-") as profile:
        for folder, files in folders.items():
            subprocess.run(
                [soffice, f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", to,
                 "--outdir", str(folder), *map(str, files)],
                check=True, capture_output=True, timeout=180 * len(files),
            )
    outs = [d.with_suffix(f".{to}") for d in docxs]
    for out in outs:
        if not out.exists():
            raise RuntimeError(f"LibreOffice did not write {out}")
    return outs
