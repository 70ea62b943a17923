"""Record types (the contract between loaders and graph) and the Neo4j schema."""
