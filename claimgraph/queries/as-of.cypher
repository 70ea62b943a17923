// name: as-of
// answers: What had been claimed about an actor or place by a given date: only statements said and published on or before that date, with the events they claim.
// param: about (entity, required): key or exact name of an actor or place
// param: date (date, required): the cut-off date, YYYY-MM-DD
// param: limit (int, default 500): most rows returned
// example: :param {about: 'Dravik', date: '2025-06-14', limit: 500}
CALL () {
  CALL () {
    MATCH (x:Actor {key: $about}) RETURN x
    UNION MATCH (x:Place {key: $about}) RETURN x
    UNION MATCH (x:Actor {name: $about}) RETURN x
    UNION MATCH (x:Place {name: $about}) RETURN x
  }
  OPTIONAL MATCH (x)-[:RENAMED]-(other:Place)
  WITH x, collect(other) AS others
  UNWIND [x] + others AS y
  OPTIONAL MATCH (inner:Place)-[:IN*1..6]->(y)
  WITH y, collect(inner) AS inners
  UNWIND [y] + inners AS t
  RETURN collect(DISTINCT t) AS targets
}
CALL (targets) {
  UNWIND targets AS t
  MATCH (t)<-[:MENTIONS]-(s:Statement)
  RETURN s
  UNION
  UNWIND targets AS t
  MATCH (t)<-[:BY|AGAINST|AT]-(:Event)<-[:CLAIMS]-(s:Statement)
  RETURN s
}
MATCH (s)-[:REPORTED_IN]->(a:Article)
WHERE a.published <= date($date)
  AND coalesce(s.said_on, a.published) <= date($date)
OPTIONAL MATCH (sp:Actor)-[:SAID]->(s)
RETURN s.said_on AS said_on,
       a.published AS published,
       coalesce(sp.name, s.speaker_name) AS speaker,
       s.polarity AS polarity,
       s.text AS text,
       COLLECT { MATCH (s)-[:CLAIMS]->(e:Event)
                 RETURN e.type + coalesce(' on ' + toString(e.date), '') } AS claims,
       coalesce(a.title, a.id) AS article,
       s.id AS statement
ORDER BY said_on, published, s.start
LIMIT $limit
