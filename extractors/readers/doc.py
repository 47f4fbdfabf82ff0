"""Old binary Word (.doc; also Kingsoft WPS Writer .wps, an OLE file LibreOffice opens alike): converted to
DOCX by LibreOffice headless, then read by the DOCX reader."""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

from extractors.model import Document
from extractors.readers import docx
from extractors.readers.errors import ReadError


def read(path: Path, data: bytes) -> Document:
    office = shutil.which("soffice") or shutil.which("libreoffice")
    if office is None:
        raise ReadError("old Word .doc needs LibreOffice (soffice) to convert it, and none is installed")
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "in.doc"
        src.write_bytes(data)
        # A private profile directory: concurrent conversions must not fight over one user profile.
        cmd = [office, f"-env:UserInstallation=file://{tmp}/profile", "--headless", "--convert-to", "docx",
               "--outdir", tmp, str(src)]
        try:
            subprocess.run(cmd, capture_output=True, timeout=180, check=False)
        except subprocess.TimeoutExpired:
            raise ReadError("LibreOffice took over 180 s converting the .doc file") from None
        out = Path(tmp) / "in.docx"
        if not out.exists():
            raise ReadError("LibreOffice could not convert the .doc file")
        doc = docx.read(path, out.read_bytes())
    doc.format = "doc"
    return doc
