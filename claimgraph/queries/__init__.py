"""Canned Cypher queries, one ``.cypher`` file per query."""
