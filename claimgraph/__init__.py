"""claimgraph: a temporal knowledge graph of who said what, when.

Dated news articles go in; people, institutions and places, the dated actions
attributed to them, and the statements through which we know about them come
out, in Neo4j.
"""

__version__ = "0.1.0"

__all__ = ["__version__"]
