"""kg's command line: a thin layer over the Python API.

Each command lives in its own module of this package; this one holds the
group, the shared options and the rule that no traceback reaches a user.
"""
from __future__ import annotations

import sys

import click

from kg.errors import FAILURE, KgError

EXIT_CODES = """\b
Exit codes:
  0    everything was processed
  1    the command failed (the message says why)
  2    usage error (bad option, malformed query)
  3    build finished, but some inputs were skipped
  4    no input could be processed
  130  interrupted (Ctrl-C); 143 terminated (SIGTERM)"""


@click.group(context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100},
             epilog=EXIT_CODES)
@click.option("--debug", is_flag=True, help="Show Python tracebacks on errors (for bug reports).")
@click.version_option(package_name="kg")
@click.pass_context
def cli(ctx: click.Context, debug: bool) -> None:
    """kg — build an event knowledge graph from a folder of news articles.

    \b
    Quick start:
      kg build examples/articles -o outputs/     # graph.ttl, graph.html, events.json
      kg query outputs/graph.ttl --preset who-called-whom
      kg view outputs/graph.ttl --open
    """
    ctx.obj = {"debug": debug}


def _register() -> None:
    from kg.cli import commands  # noqa: F401  (each module adds its commands to ``cli``)


def main(argv: list[str] | None = None) -> None:
    """Entry point: one line per error, never a traceback unless --debug."""
    args = sys.argv[1:] if argv is None else argv
    debug = "--debug" in args
    _register()
    try:
        cli.main(args=args, prog_name="kg", standalone_mode=False)
    except click.exceptions.Abort:
        click.echo("kg: interrupted", err=True)
        sys.exit(130)
    except click.exceptions.ClickException as e:
        e.show()
        sys.exit(e.exit_code)
    except click.exceptions.Exit as e:
        sys.exit(e.exit_code)
    except KgError as e:
        if debug:
            raise
        click.echo(f"kg: error: {e}", err=True)
        sys.exit(e.exit_code)
    except KeyboardInterrupt:
        click.echo("kg: interrupted", err=True)
        sys.exit(130)
    except Exception as e:  # a bug: still one line, with the way to see more
        if debug:
            raise
        click.echo(f"kg: internal error: {type(e).__name__}: {e} (run with --debug for details)", err=True)
        sys.exit(FAILURE)
    sys.exit(0)
