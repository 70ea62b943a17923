"""The pom through which Maven resolves the managed Neo4j server."""
