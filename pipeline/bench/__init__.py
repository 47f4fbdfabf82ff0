"""``make bench`` (``python -m pipeline.bench``): speed and memory of reading and loading, a report and not a
test. corpus: generated reports (cheap mutations of the fixtures); stages: the measurements; growth: the
memory and growth run (``--docs 10000``)."""
