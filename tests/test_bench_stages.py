"""pipeline.bench.stages times each file's read, extract and store where the ingest calls them: a stage the
wrappers no longer reach (a call moved, say through the extractors package) would read as 0 ms, not fail."""

from pathlib import Path

from pipeline.bench.stages import stages

FIXTURES = Path(__file__).parent / "fixtures"


def test_each_stage_of_each_file_is_timed_and_the_readers_are_put_back(tmp_path):
    import extractors

    read_document, extract_report = extractors.read_document, extractors.extract_report
    files = [FIXTURES / "baoshan-2020" / f"baoshan-2020.{fmt}" for fmt in ("docx", "html", "pdf")]
    timed = stages(files, tmp_path / "stages.sqlite")
    assert timed.statuses == {"ingested": 3}
    for fmt in ("docx", "html", "pdf"):
        assert len(timed.read[fmt]) == len(timed.extract[fmt]) == len(timed.store[fmt]) == 1
        assert timed.read[fmt][0] > 0 and timed.extract[fmt][0] > 0 and timed.store[fmt][0] > 0
        assert timed.cpu["read"][fmt][0] > 0 and timed.cpu["extract"][fmt][0] > 0
    assert extractors.read_document is read_document and extractors.extract_report is extract_report
