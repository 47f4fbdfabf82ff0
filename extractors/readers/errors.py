class ReadError(Exception):
    """A file that cannot be read as a report. ``reason``: one line saying why; ``path``: the file, once
    :func:`extractors.readers.read_document` knows it (then the message is ``"<path>: <reason>"``)."""

    def __init__(self, reason: str, path: str | None = None):
        self.reason, self.path = reason, path
        super().__init__(f"{path}: {reason}" if path is not None else reason)

    def __reduce__(self):  # pickled between the pool's processes with both parts
        return type(self), (self.reason, self.path)
