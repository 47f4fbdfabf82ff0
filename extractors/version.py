"""The version of the extraction, stored with every document read (documents.extractor_version).

BUMP EXTRACTOR_VERSION WITH EVERY CHANGE THAT CAN CHANGE WHAT IS READ FROM A FILE (a reader, the tables, the
identity, the narrative, the flags the extractors raise): ``gongkai ingest`` reads a stored document again
only when the version that read it differs from this one; the unchanged-bytes shortcut skips it otherwise, and
the database keeps the old reading. Analysts' corrections and flag reviews outlive the re-reading.
"""

EXTRACTOR_VERSION = 2  # 2: unreadable flags, cell qualifiers (issue 12)
