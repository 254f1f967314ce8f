"""kg's command line: a thin layer over the Python API.

Each command lives in its own module of this package; this one holds the
group, the shared options and the rule that no traceback reaches a user:
every error is one line and an exit code (see ``EXIT_CODES``); ``--debug``
shows the traceback. SIGTERM is raised as :class:`Terminated`, a kind of
KeyboardInterrupt, so that a terminated command unwinds (temporary files,
locks) exactly like one stopped with Ctrl-C.
"""
from __future__ import annotations

import importlib
import logging
import os
import signal
import sys

import click

from kg import __version__
from kg.errors import FAILURE, INTERRUPTED_INT, INTERRUPTED_TERM, KgError

EXIT_CODES = """\b
Exit codes:
  0    everything was processed
  1    the command failed (the message says why)
  2    usage error (bad option, malformed query)
  3    build finished, but some inputs were skipped
  4    no input could be processed
  130  interrupted (Ctrl-C); 143 terminated (SIGTERM)"""


# --provider, the same for every command that parses
PROVIDER_HELP = ("bundled: kg's offline Indonesian models; stanza: official Stanza models from `kg models download`; "
                 "conllu: pre-parsed CoNLL-U from any UD parser, read from ARTICLE.conllu beside each article "
                 "(story.conllu for story.txt).")


# The module that defines each command, imported only when that command runs (or help lists
# them all): `kg query` then starts without loading the build's libraries (networkx, rdflib).
COMMANDS = {"build": "build", "evaluate": "evaluate", "load": "store", "models": "models", "parse": "parse",
            "push": "store", "query": "query", "serve": "store", "validate": "validate", "view": "view"}


class _LazyGroup(click.Group):
    """A group whose commands register themselves when their module is first imported."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(set(COMMANDS) | set(self.commands))

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name in COMMANDS and cmd_name not in self.commands:
            importlib.import_module(f"kg.cli.{COMMANDS[cmd_name]}")
        return super().get_command(ctx, cmd_name)


class Terminated(KeyboardInterrupt):
    """SIGTERM, raised where the program is, like Ctrl-C's KeyboardInterrupt."""


def _raise_terminated(signum: int, frame: object) -> None:
    raise Terminated()


@click.group(cls=_LazyGroup, context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100},
             epilog=EXIT_CODES)
@click.option("--debug", is_flag=True, help="Show Python tracebacks on errors (for bug reports).")
@click.version_option(__version__, prog_name="kg")   # not from metadata: the distribution is kg-news
@click.pass_context
def cli(ctx: click.Context, debug: bool) -> None:
    """kg — build an event knowledge graph from a folder of news articles.

    \b
    Quick start:
      kg build examples/articles -o outputs/     # graph.ttl, graph.html, events.json
      kg query outputs/graph.ttl --preset who-called-whom
      kg view outputs/graph.ttl --open
    """
    # libraries' own log lines are noise to a user; kg's warnings are not
    handler = logging.StreamHandler()
    handler.setFormatter(logging.Formatter("kg: %(levelname)s: %(name)s: %(message)s") if debug else _Plain())
    logging.basicConfig(handlers=[handler], level=logging.DEBUG if debug else logging.CRITICAL, force=True)
    logging.getLogger("kg").setLevel(logging.DEBUG if debug else logging.WARNING)
    ctx.obj = {"debug": debug}


class _Plain(logging.Formatter):
    """``kg: warning: …``: a log line in the voice of every other kg message."""

    def format(self, record: logging.LogRecord) -> str:
        return f"kg: {record.levelname.lower()}: {record.getMessage()}"


def _register() -> None:
    """Import every command module (each adds its commands to ``cli``), for callers that invoke ``cli`` directly."""
    for module in sorted(set(COMMANDS.values())):
        importlib.import_module(f"kg.cli.{module}")


def _stopped(e: BaseException) -> int:
    """Say that the command was stopped (and what that left behind); the exit code."""
    for sig in (signal.SIGINT, signal.SIGTERM):  # a second signal must not interrupt the goodbye
        signal.signal(sig, signal.SIG_IGN)
    terminated = isinstance(e, Terminated)
    how = "terminated (SIGTERM)" if terminated else "interrupted"
    detail = f"; {e}" if str(e) else ""
    click.echo(f"kg: {how}{detail}", err=True)
    return INTERRUPTED_TERM if terminated else INTERRUPTED_INT


def _run(args: list[str], debug: bool) -> int:
    try:
        rv = cli.main(args=args, prog_name="kg", standalone_mode=False)
    except click.exceptions.Abort as e:
        return _stopped(e.__cause__ if isinstance(e.__cause__, KeyboardInterrupt) else KeyboardInterrupt())
    except KeyboardInterrupt as e:
        return _stopped(e)
    except click.exceptions.ClickException as e:
        e.show()
        return e.exit_code
    except KgError as e:
        if debug:
            raise
        click.echo(f"kg: error: {e}", err=True)
        return e.exit_code
    except BrokenPipeError:
        # the reader of our output went away (``kg … | head``): nothing left to say
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return FAILURE
    except Exception as e:  # a bug: still one line, with the way to see more
        if debug:
            raise
        click.echo(f"kg: internal error: {type(e).__name__}: {e} (run with --debug for details)", err=True)
        return FAILURE
    return rv if isinstance(rv, int) else 0


def main(argv: list[str] | None = None) -> None:
    """Entry point: one line per error, never a traceback unless --debug."""
    args = sys.argv[1:] if argv is None else argv
    previous_int = signal.getsignal(signal.SIGINT)
    previous_term = signal.signal(signal.SIGTERM, _raise_terminated)
    try:
        code = _run(args, debug="--debug" in args)
    finally:
        signal.signal(signal.SIGINT, previous_int)
        signal.signal(signal.SIGTERM, previous_term)
    sys.exit(code)
