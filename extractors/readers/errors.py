class ReadError(Exception):
    """A file that cannot be read as a report; the message is one line saying why."""
