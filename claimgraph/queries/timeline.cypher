// name: timeline
// answers: What happened to or around an actor or place, in date order, one row per incident (a happening resolved across articles; an event with no place of its own counts where its statement points): its type, place and dates, who asserts it and who denies or will not confirm it, the counts each claimant gives, and how many independent sources (distinct articles and outlets) carry it.
// param: about (entity, required): key or exact name of an actor or place
// param: from (date, optional): incidents on or after this date, YYYY-MM-DD
// param: to (date, optional): incidents on or before this date, YYYY-MM-DD
// param: limit (int, default 50): most rows returned
// example: :param {about: 'Madagiz', from: null, to: null, limit: 50}
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
  RETURN collect(DISTINCT t) AS scope
}
CALL (scope) {
  // BY, AGAINST, AT and IMPLIED_AT start at an event (AT also at an
  // incident: the label keeps those out). IMPLIED_AT places an event with no
  // place of its own where the statements claiming it point (the writer adds
  // it with the article).
  UNWIND scope AS t
  MATCH (e:Event)-[:BY|AGAINST|AT|IMPLIED_AT]->(t)
  WITH DISTINCT e
  // one row per incident; an event that joined none (too vaguely dated, a
  // speech act, a graph loaded before incidents) is a row of its own
  OPTIONAL MATCH (e)-[:PART_OF]->(i:Incident)
  WITH coalesce(i.key, e.id) AS k, i, collect(e) AS here
  WITH k, i, here,
       CASE WHEN i IS NULL THEN head(here).date ELSE coalesce(i.date, i.date_lo) END AS d,
       CASE WHEN i IS NULL THEN coalesce(head(here).date_end, head(here).date)
            ELSE coalesce(i.date_hi, i.date) END AS d_end
  WHERE ($from IS NULL OR d_end >= date($from)) AND ($to IS NULL OR d <= date($to))
  WITH k, i, here, d ORDER BY d IS NULL, d, coalesce(i.type, head(here).type), k
  LIMIT $limit
  CALL (i, here) {
    // every report of the incident, wherever it placed the happening
    WITH CASE WHEN i IS NULL THEN here ELSE COLLECT { MATCH (i)<-[:PART_OF]-(ev:Event) RETURN ev } END AS events
    // optional: a row counted by the LIMIT above is never dropped here (an
    // account no statement claims is its article's own, and still a source)
    UNWIND events AS ev
    OPTIONAL MATCH (s:Statement)-[:CLAIMS]->(ev)
    OPTIONAL MATCH (s)-[:REPORTED_IN]->(claimed:Article)
    OPTIONAL MATCH (own:Article {id: ev.article})
    OPTIONAL MATCH (sp:Actor)-[:SAID]->(s)
    WITH events, ev, s, coalesce(claimed, own) AS a, sp ORDER BY a.published, s.start
    RETURN events,
           [x IN collect(CASE WHEN s.polarity = 'asserts' THEN coalesce(sp.name, s.speaker_name) END)
            WHERE x IS NOT NULL] AS asserted,
           [x IN collect(CASE WHEN s.polarity <> 'asserts' THEN coalesce(sp.name, s.speaker_name) END)
            WHERE x IS NOT NULL] AS denied,
           collect(DISTINCT a) AS articles,
           collect(DISTINCT coalesce(a.outlet, a.id)) AS outlets
  }
  RETURN d AS date,
         CASE WHEN i IS NULL THEN head(here).date_end
              WHEN i.date_hi > coalesce(i.date, i.date_lo) THEN i.date_hi END AS date_end,
         CASE WHEN i IS NULL THEN head(here).precision ELSE head(events).precision END AS precision,
         coalesce(i.type, head(here).type) AS type,
         coalesce(i.summary, head(here).summary) AS summary,
         COLLECT { UNWIND events AS ev MATCH (ev)-[:BY]->(g) RETURN DISTINCT g.name } AS agents,
         COLLECT { UNWIND events AS ev MATCH (ev)-[:AGAINST]->(g) RETURN DISTINCT g.name } AS targets,
         COLLECT { UNWIND events AS ev MATCH (ev)-[:AT]->(g) RETURN DISTINCT g.name } AS places,
         reduce(acc = [], x IN asserted | CASE WHEN x IN acc THEN acc ELSE acc + x END) AS claimed_by,
         reduce(acc = [], x IN denied | CASE WHEN x IN acc THEN acc ELSE acc + x END) AS denied_by,
         coalesce(i.counts, []) AS counts,
         size(articles) AS sources,
         size(outlets) AS outlets,
         coalesce(head(articles).title, head(articles).id) AS article,
         i.key AS incident,
         k AS key
  UNION ALL
  MATCH (old:Place)-[r:RENAMED]->(new:Place)
  WHERE (old IN scope OR new IN scope)
    AND ($from IS NULL OR r.on >= date($from))
    AND ($to IS NULL OR r.on <= date($to))
  WITH old, r, new, coalesce(COLLECT { MATCH (b:Actor {key: r.by_key}) RETURN b.name }[0], r.by) AS renamer
  RETURN r.on AS date, null AS date_end, 'day' AS precision, 'renaming' AS type,
         old.name + ' renamed ' + new.name AS summary,
         CASE WHEN renamer IS NULL THEN [] ELSE [renamer] END AS agents,
         [old.name] AS targets, [new.name] AS places,
         CASE WHEN renamer IS NULL THEN [] ELSE [renamer] END AS claimed_by,
         [] AS denied_by, [] AS counts,
         1 AS sources, 1 AS outlets,
         r.article AS article, null AS incident, 'renaming:' + old.key + ':' + new.key AS key
}
RETURN date, date_end, precision, type, summary, agents, targets, places, claimed_by, denied_by,
       counts, sources, outlets, article, incident
ORDER BY date IS NULL, date, type, key
LIMIT $limit
