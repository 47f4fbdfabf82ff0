"""``python -m tests.fixture_builder [--no-pdf] [--no-samples] [NAME ...]`` — see the package docstring."""

from __future__ import annotations

import argparse

from .build import ROOT, build


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m tests.fixture_builder", description=__doc__)
    ap.add_argument("names", nargs="*", help="fixtures to build (default: all truths)")
    ap.add_argument("--no-pdf", action="store_true", help="skip the LibreOffice PDF conversion")
    ap.add_argument("--no-samples", action="store_true", help="do not copy the samples to data/raw/")
    args = ap.parse_args(argv)
    for path in build(args.names, pdf=not args.no_pdf, samples=not args.no_samples):
        print(f"{path.stat().st_size:>8}  {path.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
