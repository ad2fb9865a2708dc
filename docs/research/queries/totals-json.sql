-- Totals of a folder of Clickwork Meter anonymised exports, JSON form (schema versions 1 to 4;
-- version 1 rows have no manual_count, read as null). manual_actions: hand-entered actions, which
-- are part of actions (only in studies that allow them).
-- Replace exports/ below with the path of your folder. Column types are declared rather than
-- guessed, so that every file reads the same way (hour is null in studies by the day).
-- level: 'platform × kind', 'platform', 'kind' or 'total'; participants: distinct study and
-- pseudonym pairs with at least one row in that line.
WITH files AS (
  SELECT *
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
),
export_rows AS (
  SELECT unnest(rows, recursive := true) FROM files
)
SELECT
  CASE grouping(platform, kind) WHEN 0 THEN 'platform × kind' WHEN 1 THEN 'platform' WHEN 2 THEN 'kind' ELSE 'total' END AS level,
  platform,
  kind,
  sum(count) AS actions,
  sum(measured_count) AS measured_actions,
  round(sum(measured_seconds), 1) AS measured_seconds,
  coalesce(sum(manual_count), 0) AS manual_actions,
  count(DISTINCT study_id || '/' || participant) AS participants
FROM export_rows
GROUP BY GROUPING SETS ((platform, kind), (platform), (kind), ())
ORDER BY grouping(platform, kind) DESC, actions DESC, platform, kind;
