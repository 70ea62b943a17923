"""Neo4j: connection, managed local server, schema, writer, exports and rendering."""
