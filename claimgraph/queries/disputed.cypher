// name: disputed
// answers: Incidents the sides dispute, one row per incident and pair of sides: one side asserts what the other denies ("denied") or will not confirm ("unconfirmed"), or the two give different counts ("counts") or blame different agents ("agents"). Each row lists the asserting and the denying speakers with their own words and the dates they spoke; a denial that only points at a claim ("rejected the accusation") keeps those words, with the claim it answers beside them (`answers_b`, and `answers` in `denying`). Never within one side, never across two incidents; the rows are written with the incidents at load time.
// param: about (entity, optional): key or exact name of an actor or place: incidents at it or at a place inside it, by or against it, or disputed by its side
// param: from (date, optional): incidents on or after this date, YYYY-MM-DD
// param: to (date, optional): incidents on or before this date, YYYY-MM-DD
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
CALL (targets) {
  // no `about`: the disputes in the window, through the date index
  UNWIND CASE WHEN $about IS NULL THEN [true] ELSE [] END AS everything
  MATCH (d:Dispute)
  WHERE d.date_lo <= coalesce(date($to), date('9999-12-31'))
  RETURN d
  UNION
  UNWIND targets AS t
  MATCH (t)<-[:BY|AGAINST|AT|IMPLIED_AT]-(:Event)-[:PART_OF]->(:Incident)<-[:OF]-(d:Dispute)
  RETURN d
  UNION
  UNWIND targets AS t
  MATCH (d:Dispute) WHERE d.side_a = t.key
  RETURN d
  UNION
  UNWIND targets AS t
  MATCH (d:Dispute) WHERE d.side_b = t.key
  RETURN d
}
WITH d
WHERE ($from IS NULL OR d.date_hi >= date($from)) AND ($to IS NULL OR d.date_lo <= date($to))
WITH d ORDER BY coalesce(d.date, d.date_lo), d.key
LIMIT $limit
MATCH (d)-[:OF]->(i:Incident)
CALL (d) {
  UNWIND d.statements_a AS sid
  MATCH (s:Statement {id: sid})-[:REPORTED_IN]->(a:Article)
  OPTIONAL MATCH (sp:Actor)-[:SAID]->(s)
  WITH s, a, sp ORDER BY a.published, s.said_on, s.id
  RETURN collect({speaker: coalesce(sp.name, s.speaker_name), text: s.text, said_on: s.said_on,
                  cue: s.cue, polarity: s.polarity, article: coalesce(a.title, a.id), statement: s.id}) AS asserting
}
CALL (d) {
  UNWIND d.statements_b AS sid
  MATCH (s:Statement {id: sid})-[:REPORTED_IN]->(a:Article)
  OPTIONAL MATCH (sp:Actor)-[:SAID]->(s)
  // "rejected the accusation": the denier's own words, and the claim they answer beside them
  OPTIONAL MATCH (t:Statement {id: s.denies})
  OPTIONAL MATCH (tsp:Actor)-[:SAID]->(t)
  WITH s, a, sp, t, tsp ORDER BY a.published, s.said_on, s.id
  RETURN collect({speaker: coalesce(sp.name, s.speaker_name), text: s.text, said_on: s.said_on,
                  cue: s.cue, polarity: s.polarity, article: coalesce(a.title, a.id), statement: s.id,
                  answers: CASE WHEN t IS NULL THEN null ELSE
                    {speaker: coalesce(tsp.name, t.speaker_name), text: t.text, statement: t.id} END}) AS denying
}
RETURN head(d.kinds) AS kind,
       d.kinds AS kinds,
       coalesce(d.date, d.date_lo) AS date,
       d.date_lo AS date_from,
       d.date_hi AS date_to,
       d.type AS type,
       d.mode AS mode,
       d.place AS place,
       i.key AS incident,
       d.side_a_name AS side_a,
       d.side_b_name AS side_b,
       reduce(acc = [], x IN asserting | CASE WHEN x.speaker IN acc THEN acc ELSE acc + x.speaker END) AS speaker_a,
       [x IN asserting | x.said_on] AS said_on_a,
       [x IN asserting | x.text] AS claim_a,
       'asserts' AS polarity_a,
       reduce(acc = [], x IN denying | CASE WHEN x.speaker IN acc THEN acc ELSE acc + x.speaker END) AS speaker_b,
       [x IN denying | x.said_on] AS said_on_b,
       [x IN denying | x.text] AS claim_b,
       [x IN denying | x.answers.text] AS answers_b,
       coalesce(head(denying).polarity, 'asserts') AS polarity_b,
       asserting,
       denying,
       i.counts AS counts
ORDER BY date, incident, side_a, side_b
