"""The ``claimgraph`` command line: thin click commands over the Python API.

Each command module registers its commands on ``main``; the list below is the
only place that names them.
"""

from __future__ import annotations

import importlib
import logging

import click

from claimgraph import __version__

__all__ = ["main"]

# Modules whose import adds commands to ``main``.
_COMMAND_MODULES = (
    "claimgraph.cli.server_cmd",
    "claimgraph.cli.schema_cmd",
    "claimgraph.cli.eval_cmd",
    "claimgraph.cli.extract_cmd",
    "claimgraph.cli.load_cmd",
    "claimgraph.cli.stats_cmd",
    "claimgraph.cli.query_cmd",
    "claimgraph.cli.incident_cmd",
    "claimgraph.cli.import_cmd",
    "claimgraph.cli.viz_cmd",
    "claimgraph.cli.demo_cmd",
)


@click.group(context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.version_option(__version__, prog_name="claimgraph")
@click.option("-v", "--verbose", count=True, help="More log output (-v info, -vv debug).")
def main(verbose: int) -> None:
    """claimgraph: who said what, when — dated news articles as a temporal
    knowledge graph in Neo4j.

    Example:

    \b
        claimgraph demo                    # the example corpus: fictional reports, June 2025
        claimgraph who-said --about Dravik
        claimgraph load my-articles/ --date 2025-06-14
    """
    level = logging.WARNING - 10 * min(verbose, 2)
    logging.basicConfig(level=level, format="%(levelname)s %(name)s: %(message)s")
    # The driver logs every retry of a transient error as a multi-line warning;
    # commands report the outcome in one line, so show retries only with -v.
    logging.getLogger("neo4j").setLevel(level if verbose else logging.ERROR)
    # Likewise the web-page readers' own notes ("discarding data: None"): the
    # reader reports a page without an article in one line of its own.
    for name in ("trafilatura", "htmldate", "courlan", "justext"):
        logging.getLogger(name).setLevel(level if verbose else logging.ERROR)


for _module in _COMMAND_MODULES:
    importlib.import_module(_module)
