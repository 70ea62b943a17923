// name: sources
// answers: How a statement reached the reader: the speaker, the intermediaries it was relayed through (news services, social media), and the outlet that published it.
// param: statement (string, optional): id of one statement
// param: speaker (entity, optional): key or exact name of the speaker
// param: about (entity, optional): key or exact name of an actor or place the statement mentions
// param: limit (int, default 500): most rows returned
// example: :param {statement: null, speaker: 'Oren Vasko', about: null, limit: 500}
CALL () {
  CALL () {
    MATCH (x:Actor {key: $about}) RETURN x
    UNION MATCH (x:Place {key: $about}) RETURN x
    UNION MATCH (x:Actor {name: $about}) RETURN x
    UNION MATCH (x:Place {name: $about}) RETURN x
  }
  OPTIONAL MATCH (inner:Place)-[:IN*1..6]->(x)
  WITH x, collect(inner) AS inners
  UNWIND [x] + inners AS t
  RETURN collect(DISTINCT t) AS targets
}
// Start from the most selective thing given. A statement found through its
// speaker comes with that speaker; the others look theirs up (and keep only
// the speaker asked for, if any).
CALL (targets) {
  MATCH (sp:Actor {key: $speaker})-[:SAID]->(s:Statement)
  WHERE $statement IS NULL AND $about IS NULL
  RETURN s, sp
  UNION
  MATCH (sp:Actor {name: $speaker})-[:SAID]->(s:Statement)
  WHERE $statement IS NULL AND $about IS NULL
  RETURN s, sp
  UNION
  CALL (targets) {
    MATCH (s:Statement {id: $statement})
    WHERE $about IS NULL OR EXISTS { MATCH (s)-[:ABOUT]->(t) WHERE t IN targets }
    RETURN s
    UNION
    // ABOUT: what the statement mentions and the actors and places of its events
    UNWIND targets AS t
    MATCH (t)<-[:ABOUT]-(s:Statement)
    WHERE $statement IS NULL
    RETURN s
    UNION
    WITH 1 AS anchor
    WHERE $statement IS NULL AND $about IS NULL AND $speaker IS NULL
    MATCH (s:Statement)
    RETURN s
  }
  // (each way in checks the other filters given, so that statements found
  // through ABOUT are not walked again)
  OPTIONAL MATCH (sp:Actor)-[:SAID]->(s)
  WITH s, sp
  WHERE $speaker IS NULL OR sp.key = $speaker OR sp.name = $speaker
  RETURN s, sp
}
MATCH (s)-[:REPORTED_IN]->(a:Article)
// Sort and cut before reading channels and outlets; the id keeps the order stable.
WITH s, a, sp
ORDER BY a.published, s.said_on, s.start, s.id
LIMIT $limit
WITH s, a, coalesce(sp.name, s.speaker_name, 'unnamed source') AS speaker,
     COLLECT { MATCH (s)-[:VIA]->(v) RETURN v.name } AS via,
     coalesce(COLLECT { MATCH (a)-[:PUBLISHED_BY]->(o) RETURN o.name }[0], a.outlet) AS outlet
RETURN s.id AS statement,
       speaker,
       via,
       outlet,
       reduce(chain = speaker, hop IN via + coalesce(outlet, []) | chain + ' -> ' + hop) AS chain,
       s.said_on AS said_on,
       a.published AS published,
       coalesce(a.title, a.id) AS article,
       a.url AS url,
       s.text AS text
ORDER BY published, said_on, s.start, statement
