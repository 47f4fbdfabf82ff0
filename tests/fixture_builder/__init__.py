"""Fixture builder: renders the truth files in ``truths/`` as real report files under ``tests/fixtures/``.

Regenerate (from the repo root)::

    .venv/bin/python -m tests.fixture_builder            # all fixtures + copies of the samples in data/raw/
    .venv/bin/python -m tests.fixture_builder hejiang-2022 --no-samples
    .venv/bin/python -m tests.fixture_builder --no-pdf   # DOCX + HTML only (no LibreOffice needed)
    .venv/bin/python -m tests.fixture_builder.verify     # read the outputs back, compare with the truths
    .venv/bin/python -m tests.fixture_builder.author     # re-create truths/*.json (only after a template change)

Needs: python-docx, bs4 (verify), LibreOffice (``soffice``) and fonts-wqy-zenhei for the PDFs, poppler-utils
(verify). For each ``truths/<name>.json`` it writes ``tests/fixtures/<name>/``: ``<name>.docx`` (python-docx,
true gridSpan/vMerge merges), ``<name>.pdf`` (LibreOffice headless from the DOCX), ``<name>.html`` (a
government web page with rowspan/colspan; the encoding is per fixture, see ``build.STYLES``) and ``truth.json``.
It also writes ``tests/fixtures/baoshan-2020-text/`` (the seed text and its truth) and copies the sample
reports to ``data/raw/``. A truth whose figures break an identity not listed in its ``expected_flags`` (or list
one that holds) is refused (``truth.validate``).
"""
