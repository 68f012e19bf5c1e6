"""What the commands read and write: inputs are files (never text typed on the command line),
outputs go to a file unless a whole page would land on a terminal.

On the command line an argument is always a file name: a typo must say "no such file", not be
compared as a two-word text. A web address gets its own message (newslineage reads files; it
does not fetch pages), ``-`` reads standard input.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

from rich.console import Console

from ..errors import ConfigError, InputError
from ..model import Article

__all__ = ["is_index_file", "read_input", "write_output"]

_URL = re.compile(r"^(?:[a-z][a-z0-9+.-]*://|www\.)", re.IGNORECASE)
_SQLITE = b"SQLite format 3\x00"


def read_input(value: str, *, max_bytes: int, role: str = "input", **metadata: str | None) -> Article:
    """The article in the file ``value`` names (``-``: standard input).

    Args:
        value: The command-line argument.
        max_bytes: Largest input accepted.
        role: What the argument is, for messages ("A", "the query").
        **metadata: Article fields to set (``published_at``...).

    Raises:
        InputError: A web address, a missing file, a folder, or a file that is not text.
    """
    from ..textio import read_article

    if _URL.match(value):
        raise InputError(
            f"{value}: is a web address; newslineage reads files and does not fetch pages: save the page "
            f"(in the browser: Save Page As, or: curl -o page.html '{value}') and give the file"
        )
    if value == "-":
        data = sys.stdin.buffer.read()
        return read_article(data, name=f"{role} (standard input)", max_bytes=max_bytes, **metadata)
    if is_index_file(value):
        raise InputError(f"{value}: is a newslineage index file, not an article (commands that search an index take it with --db {value})")
    return read_article(Path(value), max_bytes=max_bytes, **metadata)


def is_index_file(value: str | Path) -> bool:
    """True for an SQLite file (a newslineage index) or a name ending in ``.db``."""
    path = Path(value)
    if path.suffix.lower() in (".db", ".sqlite", ".sqlite3"):
        return True
    try:
        with open(path, "rb") as fh:
            return fh.read(len(_SQLITE)) == _SQLITE
    except OSError:
        return False


def write_output(content: str, output: Path | None, *, page: bool = False, default: Path | None = None) -> Path | None:
    """Write to ``output``, to ``default`` when none is given, else to standard output.

    Args:
        content: What to write.
        output: The file from ``-o``; ``-`` means standard output.
        page: The content is a whole HTML page: refused on a terminal (it would scroll past as
            megabytes of markup) unless redirected or written to a file.
        default: Where it goes without ``-o`` (e.g. beside the analysis it reports).

    Returns:
        The file written, or None for standard output.

    Raises:
        ConfigError: A page would go to a terminal.
    """
    target = default if output is None else (None if str(output) == "-" else output)
    if target is None:
        if page and sys.stdout.isatty():
            raise ConfigError("the HTML report is a whole page: give a file with -o PAGE.html (or redirect: > PAGE.html)")
        sys.stdout.write(content)
        if not content.endswith("\n"):
            sys.stdout.write("\n")
        return None
    target.write_text(content, encoding="utf-8")
    Console(stderr=True).print(f"wrote {target}", highlight=False, markup=False, soft_wrap=True)
    return target
