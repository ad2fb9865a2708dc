-- Totals of a research team's monthly collections of Clickwork Meter anonymised exports, JSON form
-- (schema versions 1 to 4), kept as one folder per study and month:
--   exports/study=<study id>/month=<YYYY-MM>/clickwork-<study id>-<pseudonym>.json
-- Each file covers the study from its start to the day it was saved, so the files of one participant
-- overlap: only each participant's latest file counts (the one whose period ends last; of two with
-- the same end, the one in the later month folder). Reading every file and keeping the latest costs
-- a full read of the folder each time: for repeated queries, compact first (compact-parquet.sql).
-- Replace exports/ below with the path of your folder. study and month come from the folder names.
WITH files AS (
  SELECT *
  FROM read_json(
    'exports/*/*/*.json',
    format = 'unstructured',
    maximum_object_size = 67108864,
    hive_partitioning = true,
    hive_types = {study: 'VARCHAR', month: 'VARCHAR'},
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
latest AS (
  SELECT rows
  FROM files
  QUALIFY row_number() OVER (PARTITION BY study_id, participant ORDER BY period."to" DESC, month DESC) = 1
),
export_rows AS (
  SELECT unnest(rows, recursive := true) FROM latest
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
