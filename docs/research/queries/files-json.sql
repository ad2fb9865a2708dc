-- One line per study from a folder of Clickwork Meter anonymised exports, JSON form (schema
-- versions 1 to 4): files, participants, rows kept and rows the participants dropped, days covered.
-- Replace exports/ below with the path of your folder. More files than participants means a
-- participant sent more than one file: keep one (the totals queries would count both).
SELECT
  study_id,
  count(*) AS files,
  count(DISTINCT participant) AS participants,
  sum(len(rows)) AS rows,
  sum(dropped_rows) AS dropped_rows,
  min(period."from") AS first_day,
  max(period."to") AS last_day
FROM read_json(
  'exports/*.json',
  format = 'unstructured',
  maximum_object_size = 67108864,
  columns = {
    format: 'VARCHAR',
    schema_version: 'INTEGER',
    study_id: 'VARCHAR',
    participant: 'VARCHAR',
    consent_version: 'VARCHAR',
    consent_day: 'DATE',
    extension_version: 'VARCHAR',
    granularity: 'VARCHAR',
    period: 'STRUCT("from" DATE, "to" DATE)',
    dropped_rows: 'INTEGER',
    rows: 'STRUCT(study_id VARCHAR, participant VARCHAR, day DATE, hour INTEGER, grain VARCHAR, platform VARCHAR, beneficiary VARCHAR, kind VARCHAR, detail VARCHAR, count BIGINT, measured_count BIGINT, measured_seconds DOUBLE, manual_count BIGINT, manual_seconds DOUBLE)[]'
  }
)
WHERE format = 'clickwork-meter/anonymised-export' AND schema_version IN (1, 2, 3, 4)
GROUP BY study_id
ORDER BY study_id;
