// name: timeline
// answers: What happened to or around an actor or place, in date order: the claimed events (and renamings) involving it or the places inside it (an event with no place of its own counts where its statement points), each with who claims it and how many independent sources (distinct articles and outlets) carry it.
// param: about (entity, required): key or exact name of an actor or place
// param: from (date, optional): events on or after this date, YYYY-MM-DD
// param: to (date, optional): events on or before this date, YYYY-MM-DD
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
  // BY, AGAINST, AT and IMPLIED_AT always start at an event: no label check
  // needed. IMPLIED_AT places an event with no place of its own where the
  // statements claiming it point (the writer adds it with the article).
  UNWIND scope AS t
  MATCH (e)-[:BY|AGAINST|AT|IMPLIED_AT]->(t)
  WITH DISTINCT e
  WHERE ($from IS NULL OR coalesce(e.date_end, e.date) >= date($from))
    AND ($to IS NULL OR e.date <= date($to))
  // Rows come out by date, and every date gives at least one row: only events
  // up to the limit-th date can be in the answer, so the rest is skipped.
  // The events are sorted by date, so those kept are a prefix: its length is
  // counted on the dates already read (undated events sort last, and collect
  // drops their null dates, so the two lists agree on the prefix).
  WITH e, e.date AS d ORDER BY d
  WITH collect(e) AS events, collect(d) AS ds, collect(DISTINCT d) AS dates
  WITH events, ds, CASE WHEN size(dates) > $limit THEN dates[$limit - 1] END AS last_date
  UNWIND CASE WHEN last_date IS NULL THEN events
              ELSE events[..size([d IN ds WHERE d <= last_date])] END AS e
  // Tighter still: every date and type gives a row of its own. In a region,
  // where each day has events of several types, this keeps a few days, not 50.
  WITH e ORDER BY e.date
  WITH collect(e) AS events, collect(DISTINCT [e.date, e.type]) AS kinds
  WITH events, CASE WHEN size(kinds) > $limit THEN kinds[$limit - 1][0] END AS last_date
  UNWIND events AS e
  WITH e WHERE last_date IS NULL OR e.date <= last_date
  MATCH (s)-[:CLAIMS]->(e)
  MATCH (s)-[:REPORTED_IN]->(a)
  OPTIONAL MATCH (sp:Actor)-[:SAID]->(s)
  // one row per happening: the same type, date and places reported in several articles
  WITH e, s, a, sp, COLLECT { MATCH (e)-[:AT]->(p:Place) RETURN p.key ORDER BY p.key } AS place_keys
  ORDER BY a.published, s.start
  WITH e.type AS type, e.date AS date, place_keys,
       collect(DISTINCT e) AS events,
       collect(DISTINCT coalesce(sp.name, s.speaker_name)) AS claimed_by,
       collect(DISTINCT a) AS articles,
       collect(DISTINCT coalesce(a.outlet, a.id)) AS outlets
  RETURN date,
         head(events).date_end AS date_end,
         head(events).precision AS precision,
         type,
         head(events).summary AS summary,
         COLLECT { UNWIND events AS ev MATCH (ev)-[:BY]->(g) RETURN DISTINCT g.name } AS agents,
         COLLECT { UNWIND events AS ev MATCH (ev)-[:AGAINST]->(g) RETURN DISTINCT g.name } AS targets,
         COLLECT { UNWIND events AS ev MATCH (ev)-[:AT]->(g) RETURN DISTINCT g.name } AS places,
         claimed_by,
         size(articles) AS sources,
         size(outlets) AS outlets,
         coalesce(head(articles).title, head(articles).id) AS article
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
         1 AS sources, 1 AS outlets,
         r.article AS article
}
RETURN date, date_end, precision, type, summary, agents, targets, places, claimed_by, sources, outlets, article
ORDER BY date IS NULL, date, type
LIMIT $limit
