// name: disputed
// answers: Claims that contradict each other, side by side: the same kind of event on overlapping dates, in the same area or reported together, attributed to different agents by different speakers ("contradicting"), or one speaker asserting what another denies or will not confirm ("denied").
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
// Kinds of attack reported under different names count as one kind.
WITH targets, ['attack', 'strike', 'shelling', 'missile strike', 'airstrike', 'air strike',
               'bombing', 'rocket attack', 'artillery', 'assault', 'fire'] AS attacks
// Each claim once: its dates, speaker, agents and area ...
MATCH (s:Statement)-[:CLAIMS]->(e:Event)
MATCH (s)-[:REPORTED_IN]->(a:Article)
OPTIONAL MATCH (sp:Actor)-[:SAID]->(s)
WITH targets, attacks, s, e, a, sp, coalesce(e.date, s.said_on, a.published) AS start,
     // words that name no side
     ['defens', 'defenc', 'minist', 'forces', 'force', 'armed', 'milita', 'foreig', 'health',
      'presid', 'spokes', 'servic', 'nation', 'genera', 'office', 'republ', 'troops', 'police',
      'intern', 'agency', 'news', 'depart', 'govern', 'commit', 'prosec', 'deputy'] AS generic
WITH s, e, a, sp, start, coalesce(e.date_end, start) AS end,
     CASE WHEN toLower(e.type) IN attacks THEN 'attack' ELSE e.type END AS family,
     coalesce(sp.key, s.speaker_name) AS who,
     COLLECT { MATCH (e)-[:BY]->(g) RETURN g.key } AS agents,
     // side stems, for attacks only: "Kestrian Foreign Ministry" and "Kestria" share "kestri"
     CASE WHEN toLower(e.type) IN attacks THEN
       [w IN split(toLower(reduce(acc = coalesce(sp.name, s.speaker_name, ''),
                                  n IN COLLECT { MATCH (sp)-[:ROLE]->(o) RETURN o.name } |
                                  acc + ' ' + n)), ' ')
        WHERE size(w) >= 5 AND NOT left(w, 6) IN generic | left(w, 6)]
     END AS stems,
     CASE WHEN toLower(e.type) IN attacks THEN
       [w IN split(toLower(reduce(acc = '', n IN COLLECT { MATCH (e)-[:BY]->(g) RETURN g.name } |
                                  acc + ' ' + n)), ' ')
        WHERE size(w) >= 5 AND NOT left(w, 6) IN generic | left(w, 6)]
     END AS agent_stems,
     // the area of an event: its places, what contains them, and their countries
     COLLECT { MATCH (e)-[:AT|AGAINST]->(p:Place)-[:IN*0..6]->(q:Place) RETURN q.key AS k
               UNION MATCH (e)-[:AT|AGAINST]->(p:Place) WHERE p.country IS NOT NULL
                     RETURN 'country:' + p.country AS k } AS area,
     ($about IS NULL
      OR EXISTS { MATCH (e)-[:BY|AGAINST|AT]->(t) WHERE t IN targets }
      OR EXISTS { MATCH (s)-[:MENTIONS]->(t) WHERE t IN targets }) AS involved
WHERE ($from IS NULL OR end >= date($from)) AND ($to IS NULL OR start <= date($to))
// ... then pairs within each kind of event, compared in memory.
WITH family, collect({s: s, e: e, a: a, sp: sp, start: start, end: end, who: who,
                      agents: agents, area: area, involved: involved, stems: stems,
                      agent_stems: agent_stems}) AS claims
// Each unordered pair once (x involves what was asked about), then both ways round.
UNWIND [c IN claims WHERE c.involved] AS x
UNWIND claims AS y
WITH family, x, y
WHERE x.s <> y.s AND NOT (y.involved AND y.s.id < x.s.id)
  AND x.start <= y.end AND y.start <= x.end
  AND (x.who IS NULL OR y.who IS NULL OR x.who <> y.who)
UNWIND [[x, y], [y, x]] AS pair
WITH family, pair[0] AS c1, pair[1] AS c2
WITH family, c1, c2,
     // claims side by side: about the same area, or juxtaposed in one article
     (c1.e = c2.e OR c1.a = c2.a OR any(k IN c1.area WHERE k IN c2.area)) AS related
WITH family, c1, c2,
     CASE
       WHEN c1.s.polarity = 'asserts' AND c2.s.polarity IN ['denies', 'unconfirmed']
            AND (c1.e = c2.e OR (c1.e.type = c2.e.type AND related)) THEN 'denied'
       // different sides: each names a different agent, or (for attacks) one
       // names none but speaks for the side the other blames
       WHEN c1.s.polarity = 'asserts' AND c2.s.polarity = 'asserts' AND c1.s.id < c2.s.id
            AND c1.e <> c2.e AND related
            AND ((size(c1.agents) > 0 AND size(c2.agents) > 0
                  AND none(g IN c1.agents WHERE g IN c2.agents))
                 OR (family = 'attack' AND size(c1.agents) = 0 AND size(c2.agents) > 0
                     AND any(x IN c1.stems WHERE x IN c2.agent_stems))
                 OR (family = 'attack' AND size(c2.agents) = 0 AND size(c1.agents) > 0
                     AND any(x IN c2.stems WHERE x IN c1.agent_stems))) THEN 'contradicting'
     END AS kind
WHERE kind IS NOT NULL
WITH kind, c1.s AS s1, c1.e AS e1, c1.a AS a1, c1.sp AS sp1, c1.start AS start1,
     c2.s AS s2, c2.e AS e2, c2.a AS a2, c2.sp AS sp2
RETURN kind,
       e1.type AS type,
       start1 AS date,
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
