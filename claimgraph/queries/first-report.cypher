// name: first-report
// answers: Which article first reported an event (or events of a type at a place), and in whose words: the earliest article and statement, and how many articles carried it later.
// param: event (string, optional): id of one event
// param: type (string, optional): event type, a PLOVER category such as FIGHT, ASSAULT or PROTEST
// param: place (place, optional): key or exact name of a place (places inside it count)
// param: limit (int, default 200): most rows returned
// example: :param {event: null, type: 'FIGHT', place: null, limit: 200}
CALL () {
  CALL () {
    MATCH (x:Place {key: $place}) RETURN x
    UNION MATCH (x:Place {name: $place}) RETURN x
  }
  OPTIONAL MATCH (x)-[:RENAMED]-(other:Place)
  WITH x, collect(other) AS others
  UNWIND [x] + others AS y
  OPTIONAL MATCH (inner:Place)-[:IN*1..6]->(y)
  WITH y, collect(inner) AS inners
  UNWIND [y] + inners AS t
  RETURN collect(DISTINCT t) AS targets
}
// Start from the most selective thing given; each way in checks the other
// filters given (an event found at the place is not walked back to it).
CALL (targets) {
  MATCH (e:Event {id: $event})
  WHERE ($type IS NULL OR e.type = $type)
    AND ($place IS NULL OR EXISTS { MATCH (e)-[:AT|AGAINST]->(t) WHERE t IN targets })
  RETURN e
  UNION
  UNWIND targets AS t
  MATCH (t)<-[:AT|AGAINST]-(e:Event)
  WHERE $event IS NULL AND ($type IS NULL OR e.type = $type)
  RETURN e
  UNION
  MATCH (e:Event {type: $type})
  WHERE $event IS NULL AND $place IS NULL
  RETURN e
  UNION
  WITH 1 AS anchor
  WHERE $event IS NULL AND $place IS NULL AND $type IS NULL
  MATCH (e:Event)
  RETURN e
}
WITH e, e.date AS date
WHERE EXISTS { (e)<-[:CLAIMS]-(:Statement) }
// Every date is at least one group, so the first $limit groups all fall on
// the $limit earliest dates (no date last): later events are not read further.
WITH date, collect(e) AS events
ORDER BY date IS NULL, date
LIMIT $limit
UNWIND events AS e
// Group the events (same type, date and places) and keep the first $limit
// groups before reading a single report: only their statements are read.
WITH e, COLLECT { MATCH (e)-[:AT|AGAINST]->(p:Place) RETURN DISTINCT p.name ORDER BY p.name } AS places
WITH e.type AS type, e.date AS date, places, collect(e) AS events
// the places break ties, so that the page is the same from run to run
ORDER BY date IS NULL, date, type, places
LIMIT $limit
UNWIND events AS e
MATCH (s:Statement)-[:CLAIMS]->(e)
MATCH (s)-[:REPORTED_IN]->(a:Article)
OPTIONAL MATCH (sp:Actor)-[:SAID]->(s)
WITH type, date, places, s, a, sp
ORDER BY a.published, s.said_on, s.start, s.id
WITH type, date, places,
     collect({published: a.published, article: coalesce(a.title, a.id), outlet: a.outlet,
              speaker: coalesce(sp.name, s.speaker_name), text: s.text, statement: s.id}) AS reports,
     count(DISTINCT a) AS articles
RETURN type,
       date,
       places,
       reports[0].published AS first_published,
       reports[0].article AS first_article,
       reports[0].outlet AS first_outlet,
       reports[0].speaker AS first_speaker,
       reports[0].text AS first_text,
       reports[0].statement AS first_statement,
       articles
ORDER BY date IS NULL, date, type, places
