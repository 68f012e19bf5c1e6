"""``python -m newslineage`` runs the CLI."""

from .cli import run

run()
