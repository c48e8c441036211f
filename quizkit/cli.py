"""The command line: parse options, call one core function, print. The only module that imports click.

Core modules are imported inside each command so that `quizkit --help` stays fast.
"""

from __future__ import annotations

import click

from quizkit import __version__


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="quizkit")
def cli() -> None:
    """Turn news articles into question decks, study them, print them for class."""
