"""The ``newslineage`` command line: thin commands over library calls.

Each command parses its arguments, calls one library function and prints the result. Errors
the library raises on purpose (``NewslineageError``) become one line on stderr and a non-zero
exit code, here and only here.
"""

from __future__ import annotations

import sys

import typer
from rich.console import Console
from rich.markup import escape

from ..errors import NewslineageError

__all__ = ["app", "main"]

app = typer.Typer(
    name="newslineage",
    help="Tell where a news text came from and how it changed on the way.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
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
    try:
        app(args=argv, prog_name="newslineage", standalone_mode=False)
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
            return exc.exit_code
        if type(exc).__name__ == "Abort":
            return 1
        raise
    return 0


def run() -> None:
    """Console-script entry point."""
    sys.exit(main())
