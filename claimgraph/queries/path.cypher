// name: path
// answers: The shortest connection between two actors or places through who said what, claimed events, roles, mentions and containing places (articles are left out: they would connect everything).
// param: source (entity, required): key or exact name of the first actor or place
// param: target (entity, required): key or exact name of the second actor or place
// example: :param {source: 'Matej Orlan', target: 'Dravik'}
CALL () {
  MATCH (x:Actor {key: $source}) RETURN x
  UNION MATCH (x:Place {key: $source}) RETURN x
  UNION MATCH (x:Actor {name: $source}) RETURN x
  UNION MATCH (x:Place {name: $source}) RETURN x
}
CALL () {
  MATCH (y:Actor {key: $target}) RETURN y
  UNION MATCH (y:Place {key: $target}) RETURN y
  UNION MATCH (y:Actor {name: $target}) RETURN y
  UNION MATCH (y:Place {name: $target}) RETURN y
}
WITH x, y WHERE x <> y
// Both ends come from the key and name indexes; the search runs from both at
// once and gives up after 8 hops, where a pair with no short connection
// would otherwise cross most of the graph. (ABOUT is left out: it would skip
// the claimed event that a path through CLAIMS shows.)
MATCH p = shortestPath((x)-[:SAID|CLAIMS|MENTIONS|BY|AGAINST|AT|ROLE|IN|RENAMED|VIA*..8]-(y))
WITH p LIMIT 1
UNWIND range(0, length(p)) AS i
WITH p, i, nodes(p)[i] AS n, CASE WHEN i = 0 THEN null ELSE relationships(p)[i - 1] END AS r
RETURN i AS step,
       CASE WHEN r IS NULL THEN null
            WHEN startNode(r) = n THEN '<-' + type(r) + '-'
            ELSE '-' + type(r) + '->' END AS relation,
       CASE WHEN n:Statement THEN 'Statement' WHEN n:Event THEN 'Event'
            WHEN n:Person THEN 'Person' WHEN n:Place AND n:Actor THEN 'Country'
            WHEN n:Place THEN 'Place' WHEN n:Organization THEN 'Organization' ELSE head(labels(n)) END AS kind,
       CASE WHEN n:Statement THEN n.text
            WHEN n:Event THEN n.type + coalesce(' on ' + toString(n.date), '') + coalesce(': ' + n.summary, '')
            ELSE n.name END AS node,
       CASE WHEN n:Statement THEN toString(n.said_on) WHEN n:Event THEN toString(n.date) ELSE null END AS date
ORDER BY step
