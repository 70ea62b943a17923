// name: profile
// answers: Everything the graph holds on one actor or place: its names, the roles held over time (by it or within it), what it said, the events attributed to it, the events against or at it, the incidents it is part of (at it, by or against it, or spoken of by it, with who asserts and who denies each), who mentions it, and its renamings.
// param: about (entity, required): key or exact name of an actor or place
// param: limit (int, default 50): most rows returned (a page; offset gives the next)
// param: offset (int, default 0): rows skipped first, to page through a long profile
// example: :param {about: 'Oren Vasko', limit: 50, offset: 0}
CALL () {
  MATCH (x:Actor {key: $about}) RETURN x
  UNION MATCH (x:Place {key: $about}) RETURN x
  UNION MATCH (x:Actor {name: $about}) RETURN x
  UNION MATCH (x:Place {name: $about}) RETURN x
}
// Rows are ordered by section, date, text and then "tie", unique within a
// section, so that pages never overlap. The long sections (what it said,
// events by, against or at it, who mentions it) are cut to the page's end
// in that same order before their details are read: a page needs no more.
// Sections are read in rank order, and a later rank only while the rows
// already read do not reach the page's end: a page of a prolific speaker
// never reads the events, incidents and mentions that come after it.
CALL (x) {
  RETURN 0 AS rank, 'name' AS section, null AS date, x.name AS what,
         reduce(acc = '', l IN labels(x) | acc + ':' + l) + coalesce(' kind ' + x.kind, '') AS detail,
         null AS article, null AS tie
  UNION ALL
  UNWIND [n IN coalesce(x.aliases, []) WHERE n <> x.name] AS alias
  RETURN 1 AS rank, 'alias' AS section, null AS date, alias AS what, null AS detail, null AS article,
         null AS tie
  UNION ALL
  // each role once, however many articles give it: since the earliest date
  // given, with one of the articles that give it
  // (grouped by institution first, so that its name is read once, not once per article)
  MATCH (x)-[r:ROLE]->(o)
  WITH r.title AS title, o, min(r.since) AS since, max(r.until) AS until,
       min(r.article) AS article, count(r) AS n
  WITH title + coalesce(', ' + o.name, '') AS what, min(since) AS since, max(until) AS until,
       min(article) AS article, sum(n) AS n
  RETURN 2 AS rank, 'role' AS section, since AS date, what,
         CASE WHEN until IS NULL THEN '' ELSE 'until ' + toString(until) + '; ' END
           + CASE WHEN n = 1 THEN 'in 1 article' ELSE 'in ' + toString(n) + ' articles' END AS detail,
         article, null AS tie
  UNION ALL
  // titles whose institution the article did not name ("spokesman", "envoy")
  UNWIND coalesce(x.titles, []) AS title
  RETURN 2 AS rank, 'role' AS section, null AS date, title AS what, null AS detail,
         null AS article, 'title' AS tie
  UNION ALL
  MATCH (p:Person)-[r:ROLE]->(x)
  WITH p.name + ', ' + r.title AS what, min(r.since) AS since, min(r.article) AS article,
       count(r) AS n
  RETURN 3 AS rank, 'member' AS section, since AS date, what,
         CASE WHEN n = 1 THEN null ELSE 'in ' + toString(n) + ' articles' END AS detail, article,
         null AS tie
  UNION ALL
  MATCH (x)-[:SAID]->(s:Statement)
  WITH s ORDER BY s.said_on IS NULL, s.said_on, s.text, s.id LIMIT $offset + $limit
  MATCH (s)-[:REPORTED_IN]->(a:Article)
  RETURN 4 AS rank, 'said' AS section, s.said_on AS date, s.text AS what,
         s.polarity + coalesce(' (' + s.cue + ')', '') AS detail, coalesce(a.title, a.id) AS article,
         s.id AS tie
}
WITH x, collect({rank: rank, section: section, date: date, what: what, detail: detail, article: article, tie: tie}) AS rows
CALL (x, rows) {
  WITH x WHERE size(rows) < $offset + $limit
  CALL (x) {
    MATCH (e:Event)-[:BY]->(x)
    WITH e, e.type + ': ' + coalesce(e.summary, '') AS what
    ORDER BY e.date IS NULL, e.date, what, e.id LIMIT $offset + $limit
    RETURN 5 AS rank, 'did (as claimed)' AS section, e.date AS date, what,
           'claimed by ' + coalesce(reduce(acc = null, n IN COLLECT {
             MATCH (sp:Actor)-[:SAID]->(:Statement)-[:CLAIMS]->(e) RETURN DISTINCT sp.name
           } | coalesce(acc + ', ', '') + n), 'an unnamed source') AS detail,
           e.article AS article, e.id AS tie
  }
  RETURN collect({rank: rank, section: section, date: date, what: what, detail: detail, article: article, tie: tie}) AS more
}
WITH x, rows + more AS rows
CALL (x, rows) {
  WITH x WHERE size(rows) < $offset + $limit
  CALL (x) {
    MATCH (e:Event)-[rel:AGAINST|AT]->(x)
    WITH e, rel, e.type + ': ' + coalesce(e.summary, '') AS what,
         CASE type(rel) WHEN 'AT' THEN 'happened here' ELSE 'target of' END AS section
    ORDER BY section, e.date IS NULL, e.date, what, e.id LIMIT $offset + $limit
    RETURN 6 AS rank, section, e.date AS date, what,
           'by ' + coalesce(reduce(acc = null, n IN COLLECT { MATCH (e)-[:BY]->(g) RETURN g.name } |
                                   coalesce(acc + ', ', '') + n), 'unknown') AS detail,
           e.article AS article, section + ' ' + e.id AS tie
    UNION ALL
    // the incidents (happenings resolved across articles) at it, by or against
    // it, or that it spoke of: one row each, with who asserts and who denies
    CALL (x) {
      MATCH (i:Incident)-[:AT]->(x) RETURN i
      UNION MATCH (x)<-[:BY|AGAINST]-(:Event)-[:PART_OF]->(i:Incident) RETURN i
      UNION MATCH (x)-[:SAID]->(:Statement)-[:CLAIMS]->(:Event)-[:PART_OF]->(i:Incident) RETURN i
    }
    RETURN 6 AS rank, 'incident' AS section, coalesce(i.date, i.date_lo) AS date,
           i.type + coalesce(' at ' + i.place, '') + ': ' + coalesce(i.summary, '') AS what,
           'asserted by ' + coalesce(reduce(acc = null, n IN i.asserted_by | coalesce(acc + ', ', '') + n), 'nobody named')
           + coalesce('; denied by ' + reduce(acc = null, n IN i.denied_by | coalesce(acc + ', ', '') + n), '') AS detail,
           i.key AS article, 'incident ' + i.key AS tie
  }
  RETURN collect({rank: rank, section: section, date: date, what: what, detail: detail, article: article, tie: tie}) AS more
}
WITH x, rows + more AS rows
CALL (x, rows) {
  WITH x WHERE size(rows) < $offset + $limit
  CALL (x) {
    MATCH (s:Statement)-[:MENTIONS]->(x)
    OPTIONAL MATCH (sp:Actor)-[:SAID]->(s)
    WITH s, coalesce(sp.name, s.speaker_name, 'unnamed') AS what
    ORDER BY s.said_on IS NULL, s.said_on, what, s.id LIMIT $offset + $limit
    MATCH (s)-[:REPORTED_IN]->(a:Article)
    RETURN 7 AS rank, 'mentioned by' AS section, s.said_on AS date, what, s.text AS detail,
           coalesce(a.title, a.id) AS article, s.id AS tie
    UNION ALL
    MATCH (x)-[r:RENAMED]-(other:Place)
    RETURN 8 AS rank, 'renamed' AS section, r.on AS date,
           CASE WHEN startNode(r) = x THEN 'renamed ' + other.name ELSE 'formerly ' + other.name END AS what,
           CASE WHEN r.by IS NULL THEN null ELSE 'by ' + r.by END AS detail, null AS article,
           other.key AS tie
    UNION ALL
    MATCH (x)-[:IN]->(outer:Place)
    RETURN 9 AS rank, 'inside' AS section, null AS date, outer.name AS what, outer.kind AS detail,
           null AS article, outer.key AS tie
  }
  RETURN collect({rank: rank, section: section, date: date, what: what, detail: detail, article: article, tie: tie}) AS more
}
UNWIND rows + more AS row
RETURN row.section AS section, row.date AS date, row.what AS what, row.detail AS detail,
       row.article AS article
ORDER BY row.rank, row.section, row.date IS NULL, row.date, row.what, row.tie
SKIP $offset
LIMIT $limit
