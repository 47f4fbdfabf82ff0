"""gongkai pipeline: ingest report files into the relational store, export and check it.

    >>> from pipeline.db import connect
    >>> from pipeline.ingest import ingest
    >>> outcomes = ingest(["data/raw"], connect("data/db/gongkai.sqlite"))
"""
