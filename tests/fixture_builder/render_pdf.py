"""DOCX -> PDF (or .doc) with LibreOffice headless (a private profile, so it never collides with another soffice)."""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path


def render_pdf(docx: Path, to: str = "pdf") -> Path:
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if not soffice:
        raise RuntimeError("soffice not found: apt-get install libreoffice-writer-nogui fonts-noto-cjk")
    with tempfile.TemporaryDirectory(prefix="gongkai-lo-") as profile:
        subprocess.run(
            [soffice, f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", to,
             "--outdir", str(docx.parent), str(docx)],
            check=True, capture_output=True, timeout=180,
        )
    pdf = docx.with_suffix(f".{to}")
    if not pdf.exists():
        raise RuntimeError(f"LibreOffice did not write {pdf}")
    return pdf
