// name: as-of
// answers: What had been claimed about an actor or place by a given date: only statements said and published on or before that date, with the events they claim.
// param: about (entity, required): key or exact name of an actor or place
// param: date (date, required): the cut-off date, YYYY-MM-DD
// param: limit (int, default 50): most rows returned (a page; offset gives the next)
// param: offset (int, default 0): rows skipped first, to page through a long answer
// example: :param {about: 'Dravik', date: '2025-06-14', limit: 50, offset: 0}
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
// ABOUT: what a statement mentions and the actors and places of its events
CALL (targets) {
  UNWIND targets AS t
  MATCH (t)<-[:ABOUT]-(s)
  RETURN DISTINCT s
}
// ABOUT always starts at a statement: no label check. A statement said after
// the date is out whatever its article, so it is dropped before its article is read.
WITH s WHERE s.said_on IS NULL OR s.said_on <= date($date)
MATCH (s)-[:REPORTED_IN]->(a:Article)
WHERE a.published <= date($date)
  AND coalesce(s.said_on, a.published) <= date($date)
// One page, in a stable order (the id breaks ties), before speakers and claims are read.
WITH s, a
ORDER BY s.said_on, a.published, s.start, s.id
SKIP $offset
LIMIT $limit
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
ORDER BY said_on, published, s.start, statement
