// name: disputed
// answers: Claims that contradict each other, side by side: the same kind of event on overlapping dates, in the same area or reported together, attributed to different agents by different speakers ("contradicting"), or one speaker asserting what another denies or will not confirm ("denied"). Dated by the claim about what was asked (with no `about`, the earlier of the two).
// param: about (entity, optional): key or exact name of an actor or place the claims involve
// param: from (date, optional): events on or after this date, YYYY-MM-DD
// param: to (date, optional): events on or before this date, YYYY-MM-DD
// param: limit (int, default 200): most rows returned
// example: :param {about: null, from: null, to: null, limit: 200}
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
// How many days the longest event lasts: how long before a claim another
// claim's event may start and still overlap it (event_date_end index).
CALL () {
  OPTIONAL MATCH (long:Event) WHERE long.date_end IS NOT NULL AND long.date IS NOT NULL
  RETURN coalesce(max(duration.inDays(long.date, long.date_end).days), 0) AS reach
}
// Kinds of attack reported under different names count as one kind
// (PLOVER's FIGHT and ASSAULT, and older names).
WITH targets, reach,
     ['fight', 'attack', 'strike', 'shelling', 'missile strike', 'airstrike', 'air strike',
      'bombing', 'rocket attack', 'artillery', 'assault', 'fire'] AS attacks,
     // words that name no side
     ['defens', 'defenc', 'minist', 'forces', 'force', 'armed', 'milita', 'foreig', 'health',
      'presid', 'spokes', 'servic', 'nation', 'genera', 'office', 'republ', 'troops', 'police',
      'intern', 'agency', 'news', 'depart', 'govern', 'commit', 'prosec', 'deputy'] AS generic
// 1. The claims asked about: those involving the targets (every claim when no `about`).
WITH targets, reach, attacks, generic,
     coalesce(date($from) - duration({days: reach}), date('0001-01-01')) AS lo,
     coalesce(date($to), date('9999-12-31')) AS hi
CALL (targets, lo, hi) {
  UNWIND targets AS t
  MATCH (t)<-[:BY|AGAINST|AT]-(e:Event)<-[:CLAIMS]-(s:Statement)
  RETURN s, e
  UNION
  UNWIND targets AS t
  MATCH (t)<-[:MENTIONS]-(s:Statement)-[:CLAIMS]->(e:Event)
  RETURN s, e
  UNION
  // no `about`: the claims in the window (every claim when there is none),
  // found through the date indexes
  UNWIND CASE WHEN $about IS NULL THEN [true] ELSE [] END AS everything
  MATCH (e:Event) WHERE lo <= e.date <= hi
  MATCH (e)<-[:CLAIMS]-(s:Statement)
  RETURN s, e
  UNION
  UNWIND CASE WHEN $about IS NULL THEN [true] ELSE [] END AS everything
  MATCH (s:Statement) WHERE lo <= s.said_on <= hi
  MATCH (s)-[:CLAIMS]->(e:Event) WHERE e.date IS NULL
  RETURN s, e
  UNION
  UNWIND CASE WHEN $about IS NULL THEN [true] ELSE [] END AS everything
  MATCH (a:Article) WHERE lo <= a.published <= hi
  MATCH (a)<-[:REPORTED_IN]-(s:Statement)-[:CLAIMS]->(e:Event)
  WHERE s.said_on IS NULL AND e.date IS NULL
  RETURN s, e
}
MATCH (s)-[:REPORTED_IN]->(a:Article)
WITH targets, reach, attacks, generic, s, e, a, coalesce(e.date, s.said_on, a.published) AS start
WITH targets, reach, attacks, generic, s, e, a, start, coalesce(e.date_end, start) AS end,
     CASE WHEN toLower(e.type) IN attacks THEN 'attack' ELSE e.type END AS family
WHERE ($from IS NULL OR end >= date($from)) AND ($to IS NULL OR start <= date($to))
// Claims of one kind over the same days share their candidates: one group each,
// in date order, so that only the first groups are looked at when a limit is reached.
WITH targets, reach, attacks, generic, start, end, family, collect({s: s, e: e, a: a}) AS asked
ORDER BY start, end, family
// 2. For each group, the claims that could dispute one of it: on the same event,
// in the same article, or on an event of the same kind that overlaps its dates.
CALL (targets, reach, attacks, generic, start, end, family, asked) {
  WITH *, COLLECT {
         UNWIND asked AS x
         WITH x.e AS e
         MATCH (e)<-[:CLAIMS]-(s2:Statement) RETURN {s: s2, e: e} AS c
         UNION
         UNWIND asked AS x
         WITH x.a AS a
         MATCH (a)<-[:REPORTED_IN]-(s2:Statement)-[:CLAIMS]->(e2:Event) RETURN {s: s2, e: e2} AS c
         UNION
         MATCH (e2:Event) WHERE start - duration({days: reach}) <= e2.date <= end
           AND CASE WHEN toLower(e2.type) IN attacks THEN 'attack' ELSE e2.type END = family
         MATCH (e2)<-[:CLAIMS]-(s2:Statement) RETURN {s: s2, e: e2} AS c
         UNION
         // undated events take the statement's date, or else the article's
         MATCH (s2:Statement) WHERE start <= s2.said_on <= end
         MATCH (s2)-[:CLAIMS]->(e2:Event) WHERE e2.date IS NULL RETURN {s: s2, e: e2} AS c
         UNION
         MATCH (a2:Article) WHERE start <= a2.published <= end
         MATCH (a2)<-[:REPORTED_IN]-(s2:Statement)-[:CLAIMS]->(e2:Event)
         WHERE s2.said_on IS NULL AND e2.date IS NULL RETURN {s: s2, e: e2} AS c
       } AS candidates
  WITH *, [x IN asked | {s: x.s, e: x.e}] AS own
  // 3. Each claim once, the one asked about first: its dates, speaker, agents and area.
  UNWIND [x IN own | {s: x.s, e: x.e, asked: true}]
         + [c IN candidates WHERE NOT c IN own | {s: c.s, e: c.e, asked: false}] AS m
  WITH targets, attacks, generic, family, m.s AS cs, m.e AS ce, m.asked AS mine
  WHERE CASE WHEN toLower(ce.type) IN attacks THEN 'attack' ELSE ce.type END = family
  MATCH (cs)-[:REPORTED_IN]->(ca:Article)
  OPTIONAL MATCH (csp:Actor)-[:SAID]->(cs)
  WITH targets, attacks, generic, family, mine, cs, ce, ca, csp,
       coalesce(ce.date, cs.said_on, ca.published) AS cstart
  WITH targets, attacks, generic, family, mine, cs, ce, ca, csp, cstart,
       coalesce(ce.date_end, cstart) AS cend
  WHERE ($from IS NULL OR cend >= date($from)) AND ($to IS NULL OR cstart <= date($to))
  WITH family, mine, cs, ce, ca, csp, cstart, cend,
       coalesce(csp.key, cs.speaker_name) AS who,
       COLLECT { MATCH (ce)-[:BY]->(g) RETURN g.key } AS agents,
       // side stems, for attacks only: "Kestrian Foreign Ministry" and "Kestria" share "kestri"
       CASE WHEN family = 'attack' THEN
         [w IN split(toLower(reduce(acc = coalesce(csp.name, cs.speaker_name, ''),
                                    n IN COLLECT { MATCH (holder)-[:ROLE {article: ca.id}]->(o)
                                                   WHERE holder = csp RETURN o.name } |
                                    acc + ' ' + n)), ' ')
          WHERE size(w) >= 5 AND NOT left(w, 6) IN generic | left(w, 6)]
       END AS stems,
       CASE WHEN family = 'attack' THEN
         [w IN split(toLower(reduce(acc = '', n IN COLLECT { MATCH (ce)-[:BY]->(g) RETURN g.name } |
                                    acc + ' ' + n)), ' ')
          WHERE size(w) >= 5 AND NOT left(w, 6) IN generic | left(w, 6)]
       END AS agent_stems,
       // the area of an event: its places, what contains them, and their countries
       COLLECT { MATCH (ce)-[:AT|AGAINST]->(p:Place)-[:IN*0..6]->(q:Place) RETURN q.key AS k
                 UNION MATCH (ce)-[:AT|AGAINST]->(p:Place) WHERE p.country IS NOT NULL
                       RETURN 'country:' + p.country AS k } AS area,
       ($about IS NULL
        OR EXISTS { MATCH (ce)-[:BY|AGAINST|AT]->(t) WHERE t IN targets }
        OR EXISTS { MATCH (cs)-[:MENTIONS]->(t) WHERE t IN targets }) AS involved
  WITH family, collect({s: cs, e: ce, a: ca, sp: csp, start: cstart, end: cend, who: who,
                        id: cs.id, polarity: cs.polarity, type: ce.type,
                        agents: agents, area: area, involved: involved, stems: stems,
                        agent_stems: agent_stems, asked: mine}) AS claims
  UNWIND [c IN claims WHERE c.asked] AS x
  UNWIND claims AS y
  // A pair of two claims asked about is taken from the earlier one.
  WITH family, x, y
  WHERE x.s <> y.s AND NOT (y.involved AND (y.start < x.start OR (y.start = x.start AND y.id < x.id)))
    AND x.start <= y.end AND y.start <= x.end
    AND (x.who IS NULL OR y.who IS NULL OR x.who <> y.who)
  UNWIND [[x, y], [y, x]] AS pair
  WITH family, pair[0] AS c1, pair[1] AS c2
  WITH family, c1, c2,
       // claims side by side: about the same area, or juxtaposed in one article
       (c1.e = c2.e OR c1.a = c2.a OR any(k IN c1.area WHERE k IN c2.area)) AS related
  WITH c1, c2,
       CASE
         WHEN c1.polarity = 'asserts' AND c2.polarity IN ['denies', 'unconfirmed']
              AND (c1.e = c2.e OR (c1.type = c2.type AND related)) THEN 'denied'
         // different sides: each names a different agent, or (for attacks) one
         // names none but speaks for the side the other blames
         WHEN c1.polarity = 'asserts' AND c2.polarity = 'asserts' AND c1.id < c2.id
              AND c1.e <> c2.e AND related
              AND ((size(c1.agents) > 0 AND size(c2.agents) > 0
                    AND none(g IN c1.agents WHERE g IN c2.agents))
                   OR (family = 'attack' AND size(c1.agents) = 0 AND size(c2.agents) > 0
                       AND any(x IN c1.stems WHERE x IN c2.agent_stems))
                   OR (family = 'attack' AND size(c2.agents) = 0 AND size(c1.agents) > 0
                       AND any(x IN c2.stems WHERE x IN c1.agent_stems))) THEN 'contradicting'
       END AS kind
  WHERE kind IS NOT NULL
  RETURN kind, c1.s AS s1, c1.e AS e1, c1.a AS a1, c1.sp AS sp1,
         c2.s AS s2, c2.e AS e2, c2.a AS a2, c2.sp AS sp2
}
RETURN kind,
       e1.type AS type,
       start AS date,
       coalesce(sp1.name, s1.speaker_name) AS speaker_a,
       s1.polarity AS polarity_a,
       s1.said_on AS said_on_a,
       e1.summary AS claim_a,
       COLLECT { MATCH (e1)-[:BY]->(g) RETURN g.name } AS agents_a,
       COLLECT { MATCH (e1)-[:AT|AGAINST]->(p:Place) RETURN DISTINCT p.name } AS places_a,
       s1.text AS text_a,
       coalesce(a1.title, a1.id) AS article_a,
       coalesce(sp2.name, s2.speaker_name) AS speaker_b,
       s2.polarity AS polarity_b,
       s2.said_on AS said_on_b,
       e2.summary AS claim_b,
       COLLECT { MATCH (e2)-[:BY]->(g) RETURN g.name } AS agents_b,
       COLLECT { MATCH (e2)-[:AT|AGAINST]->(p:Place) RETURN DISTINCT p.name } AS places_b,
       s2.text AS text_b,
       coalesce(a2.title, a2.id) AS article_b,
       s1.id AS statement_a,
       s2.id AS statement_b
ORDER BY date, kind, statement_a, statement_b
LIMIT $limit
