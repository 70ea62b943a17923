// name: who-said
// answers: Who said what: attributed statements filtered by speaker, by what they are about (an actor or a place, with the places inside it and its other names), by the date they were said and by polarity; each with the speaker's role, the cue, the channel and the article.
// param: speaker (entity, optional): key or exact name of the speaker
// param: about (entity, optional): key or exact name of an actor or place the statement is about
// param: from (date, optional): said on or after this date, YYYY-MM-DD
// param: to (date, optional): said on or before this date, YYYY-MM-DD
// param: polarity (string, optional): asserts, denies or unconfirmed
// param: narration (bool, default false): also the outlet's own narration of events
// param: limit (int, default 50): most rows returned
// example: :param about => 'Dravik'
// example: :param {speaker: null, about: 'Dravik', from: null, to: null, polarity: null, narration: false, limit: 50}
CALL () {
  CALL () {
    MATCH (x:Actor {key: $about}) RETURN x
    UNION MATCH (x:Place {key: $about}) RETURN x
    UNION MATCH (x:Actor {name: $about}) RETURN x
    UNION MATCH (x:Place {name: $about}) RETURN x
  }
  // the same place under another name, and the places inside it
  OPTIONAL MATCH (x)-[:RENAMED]-(other:Place)
  WITH x, collect(other) AS others
  UNWIND [x] + others AS y
  OPTIONAL MATCH (inner:Place)-[:IN*1..6]->(y)
  WITH y, collect(inner) AS inners
  UNWIND [y] + inners AS t
  RETURN collect(DISTINCT t) AS targets
}
// Start from the most selective thing given: what it is about, the speaker,
// the date window (said_on index), or else every statement. (ABOUT, stored
// at load time for what a statement mentions and for the actors and places
// of the events it claims, always starts at a statement, SAID always ends
// at one: no label checks needed.)
CALL (targets) {
  UNWIND targets AS t
  MATCH (t)<-[:ABOUT]-(s)
  RETURN s
  UNION
  // every report of an incident there: a denial whose own words name no
  // place is about the incident it denies
  UNWIND targets AS t
  MATCH (t)<-[:AT]-(:Incident)<-[:PART_OF]-()<-[:CLAIMS]-(s)
  RETURN s
  UNION
  MATCH (:Actor {key: $speaker})-[:SAID]->(s)
  WHERE $about IS NULL
  RETURN s
  UNION
  MATCH (:Actor {name: $speaker})-[:SAID]->(s)
  WHERE $about IS NULL
  RETURN s
  UNION
  WITH 1 AS anchor
  WHERE $about IS NULL AND $speaker IS NULL AND ($from IS NOT NULL OR $to IS NOT NULL)
  MATCH (s:Statement)
  WHERE s.said_on >= coalesce(date($from), date('0001-01-01'))
    AND s.said_on <= coalesce(date($to), date('9999-12-31'))
  RETURN s
  UNION
  WITH 1 AS anchor
  WHERE $about IS NULL AND $speaker IS NULL AND $from IS NULL AND $to IS NULL
  MATCH (s:Statement)
  RETURN s
}
MATCH (s)-[:REPORTED_IN]->(a:Article)
WHERE ($from IS NULL OR s.said_on >= date($from))
  AND ($to IS NULL OR s.said_on <= date($to))
  AND ($polarity IS NULL OR s.polarity = $polarity)
  AND (coalesce($narration, false) OR coalesce(s.mode, '') <> 'narration')
OPTIONAL MATCH (sp:Actor)-[:SAID]->(s)
WITH s, a, sp
WHERE $speaker IS NULL OR sp.key = $speaker OR sp.name = $speaker
// Sort and cut first, so that roles, channels and names are read for the
// rows returned only; the statement id breaks ties, so the order is stable.
WITH s, a, sp
ORDER BY s.said_on, a.published, s.start, s.id
LIMIT $limit
RETURN coalesce(sp.name, s.speaker_name, CASE WHEN s.by_outlet THEN a.outlet END) AS speaker,
       CASE WHEN sp IS NULL THEN null
            WHEN sp:Person THEN 'Person'
            WHEN sp:Place THEN 'Country'
            ELSE 'Organization' END AS speaker_type,
       // the role given in this article, else the latest one known
       coalesce(
         COLLECT {
           MATCH (who)-[r:ROLE {article: a.id}]->(o)
           WHERE who = sp
           RETURN r.title + coalesce(', ' + o.name, '') AS role
           ORDER BY r.since DESC
         }[0],
         COLLECT {
           MATCH (sp)-[r:ROLE]->(o)
           RETURN r.title + coalesce(', ' + o.name, '') AS role
           ORDER BY r.since DESC
         }[0]) AS role,
       s.said_on AS said_on,
       s.cue AS cue,
       s.mode AS mode,
       s.text AS text,
       s.quote AS quote,
       COLLECT { MATCH (s)-[:VIA]->(v) RETURN v.name } AS via,
       COLLECT { MATCH (s)-[:ABOUT]->(m) RETURN DISTINCT m.name } AS about,
       s.polarity AS polarity,
       // an untitled article by the file it came from, not its hash
       coalesce(a.title, CASE WHEN a.source <> '' THEN last(split(a.source, '/')) END, a.id) AS article,
       a.published AS published,
       a.outlet AS outlet,
       a.id AS article_id,
       s.id AS statement
ORDER BY said_on, published, s.start, statement
