// name: incident
// answers: One incident and how it was resolved: each report (an article's account of it) with its article, the statements that claim it, their speakers, sides and polarities, and the score and reasons that merged it into the incident.
// param: id (string, required): the incident's key, as `timeline` and `disputed` print it
// param: limit (int, default 500): most rows returned
// example: :param {id: 'incident:004c7a833efe4f1c:ev1', limit: 500}
MATCH (i:Incident {key: $id})<-[r:PART_OF]-(e:Event)
OPTIONAL MATCH (e)<-[:CLAIMS]-(s:Statement)-[:REPORTED_IN]->(a:Article)
OPTIONAL MATCH (sp:Actor)-[:SAID]->(s)
OPTIONAL MATCH (own:Article {id: e.article})
WITH i, r, e, s, sp, coalesce(a, own) AS a
RETURN i.key AS incident,
       i.type AS type,
       i.place AS place,
       coalesce(i.date, i.date_lo) AS date,
       e.id AS event,
       e.type AS event_type,
       e.date AS event_date,
       e.summary AS summary,
       coalesce(a.title, a.id) AS article,
       a.published AS published,
       a.outlet AS outlet,
       coalesce(sp.name, s.speaker_name) AS speaker,
       coalesce(s.side_name, sp.side_name) AS side,
       s.polarity AS polarity,
       s.text AS text,
       s.said_on AS said_on,
       r.score AS score,
       r.reasons AS reasons
ORDER BY a.published, a.id, e.id, s.start, s.id
LIMIT $limit
