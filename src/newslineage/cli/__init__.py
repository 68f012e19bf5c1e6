"""The ``newslineage`` command line: thin commands over library calls.

Each command parses its arguments, calls one library function and prints the result. Errors
the library raises on purpose (``NewslineageError``) become one line on stderr and a non-zero
exit code, here and only here.
"""

from __future__ import annotations

import re
import sys

import typer
from rich.console import Console
from rich.markup import escape

from ..errors import NewslineageError

__all__ = ["app", "main", "usage_hint"]

app = typer.Typer(
    name="newslineage",
    help="Tell where a news text came from and how it changed on the way.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    # plain click help: switches read "--embeddings / --no-embeddings" (rich help shows them as
    # "--no-embeddings <bool>", which invites "--no-embeddings true")
    rich_markup_mode=None,
)
err_console = Console(stderr=True)


@app.callback()
def _root() -> None:
    """Tell where a news text came from and how it changed on the way."""

# Commands register themselves on ``app`` when their module is imported.
from . import compare_cmd  # noqa: E402,F401

for _optional in ("index_cmd", "analyze_cmd", "serve_cmd", "spark_cmd"):
    try:
        __import__(f"{__name__}.{_optional}")
    except ModuleNotFoundError as _exc:  # a command module not present in this build
        if _exc.name != f"{__name__}.{_optional}":
            raise


def main(argv: list[str] | None = None) -> int:
    """Run the CLI; returns the exit code (used by the console script)."""
    args = list(sys.argv[1:] if argv is None else argv)
    try:
        app(args=args, prog_name="newslineage", standalone_mode=False)
    except NewslineageError as exc:
        # the message names files and extras ("newslineage[web]"): print it as text, not markup
        err_console.print(f"[bold red]newslineage: error:[/] {escape(exc.message)}", highlight=False, soft_wrap=True)
        return exc.exit_code
    except KeyboardInterrupt:
        err_console.print("newslineage: interrupted")
        return 130
    except SystemExit as exc:  # typer's own exits (--help, bad usage)
        return int(exc.code or 0) if isinstance(exc.code, int) else 1
    except Exception as exc:
        # typer ships its own copy of click; its usage errors know how to show themselves
        if hasattr(exc, "show") and isinstance(getattr(exc, "exit_code", None), int):
            exc.show()
            hint = usage_hint(args, str(getattr(exc, "message", exc)))
            if hint:
                err_console.print(f"hint: {hint}", highlight=False, markup=False, soft_wrap=True)
            return exc.exit_code
        if type(exc).__name__ == "Abort":
            return 1
        raise
    return 0


_SWITCH_WORDS = {"true", "false", "yes", "no", "on", "off", "0", "1"}
#: Commands that take the index with ``--db``.
_DB_COMMANDS = {"sources", "analyze", "serve", "ingest"}


def usage_hint(args: list[str], message: str) -> str | None:
    """A line on what the user probably meant, for the usage errors people commonly make."""
    from ._io import is_index_file

    command = next((a for a in args if not a.startswith("-")), "")
    extra = re.search(r"unexpected extra argument(?:s|\(s\))? \((.*)\)", message)
    if extra:
        for word in extra.group(1).split():
            at = args.index(word) if word in args else -1
            before = args[at - 1] if at > 0 else ""
            if word.lower() in _SWITCH_WORDS and before.startswith("--"):
                name = before.removeprefix("--no-")
                on, off = f"--{name}", f"--no-{name}"
                return f"{before} is a switch and takes no value: give {on} or {off} alone"
    if command in _DB_COMMANDS:
        given = {args[i + 1] for i, a in enumerate(args[:-1]) if a == "--db"}
        for i, word in enumerate(args):
            if word != command and not word.startswith("-") and word not in given and (i == 0 or args[i - 1] != "--db") and is_index_file(word):
                rest = " ".join(a for a in args if a not in (command, word))
                return f"give the index with --db: newslineage {command} {rest + ' ' if rest else ''}--db {word}"
    return None


def run() -> None:
    """Console-script entry point."""
    sys.exit(main())
