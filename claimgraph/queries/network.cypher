// name: network
// answers: Which actors and places are connected through claims in a date window: speakers and what they talk about, and claimed agents and their targets, with how many statements make each link.
// param: about (entity, optional): key or exact name of an actor or place every link must touch
// param: from (date, optional): said on or after this date, YYYY-MM-DD
// param: to (date, optional): said on or before this date, YYYY-MM-DD
// param: limit (int, default 500): most rows returned
// example: :param {about: null, from: '2025-06-14', to: '2025-06-18', limit: 500}
CALL () {
  CALL () {
    MATCH (x:Actor {key: $about}) RETURN x
    UNION MATCH (x:Place {key: $about}) RETURN x
    UNION MATCH (x:Actor {name: $about}) RETURN x
    UNION MATCH (x:Place {name: $about}) RETURN x
  }
  RETURN collect(x) AS targets
}
// The statements to look at: those touching what it is about, else those in
// the date window (said_on index), else all of them.
CALL (targets) {
  UNWIND targets AS t
  MATCH (t)-[:SAID]->(s:Statement)
  RETURN s
  UNION
  UNWIND targets AS t
  MATCH (t)<-[:MENTIONS]-(s:Statement)
  RETURN s
  UNION
  UNWIND targets AS t
  MATCH (t)<-[:BY|AGAINST|AT]-(:Event)<-[:CLAIMS]-(s:Statement)
  RETURN s
  UNION
  WITH 1 AS anchor
  WHERE $about IS NULL AND ($from IS NOT NULL OR $to IS NOT NULL)
  MATCH (s:Statement)
  WHERE s.said_on >= coalesce(date($from), date('0001-01-01'))
    AND s.said_on <= coalesce(date($to), date('9999-12-31'))
  RETURN s
  UNION
  WITH 1 AS anchor
  WHERE $about IS NULL AND $from IS NULL AND $to IS NULL
  MATCH (s:Statement)
  RETURN s
}
WITH s, targets
WHERE ($from IS NULL OR s.said_on >= date($from)) AND ($to IS NULL OR s.said_on <= date($to))
CALL (s) {
  MATCH (src:Actor)-[:SAID]->(s)-[:MENTIONS]->(dst)
  RETURN src, dst, 'talks about' AS relation
  UNION ALL
  MATCH (src:Actor)-[:SAID]->(s)-[:CLAIMS]->(e:Event)-[r:BY|AGAINST]->(dst)
  RETURN src, dst, 'says ' + e.type + CASE type(r) WHEN 'BY' THEN ' by' ELSE ' against' END AS relation
  UNION ALL
  MATCH (s)-[:CLAIMS]->(e:Event)-[:BY]->(src), (e)-[:AGAINST|AT]->(dst)
  RETURN src, dst, e.type AS relation
}
WITH s, src, dst, relation, targets
WHERE src <> dst AND ($about IS NULL OR src IN targets OR dst IN targets)
RETURN src.name AS source,
       CASE WHEN src:Person THEN 'Person' WHEN src:Place THEN 'Country' ELSE 'Organization' END AS source_type,
       relation,
       dst.name AS target,
       CASE WHEN dst:Person THEN 'Person' WHEN dst:Place AND dst:Actor THEN 'Country'
            WHEN dst:Place THEN 'Place' ELSE 'Organization' END AS target_type,
       count(DISTINCT s) AS statements,
       min(s.said_on) AS first,
       max(s.said_on) AS last
ORDER BY statements DESC, source, target, relation
LIMIT $limit
