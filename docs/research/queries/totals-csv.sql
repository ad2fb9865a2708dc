-- Totals of a folder of Clickwork Meter anonymised exports, CSV form (schema versions 1 to 4: columns
-- are matched by name, and a column an older file lacks reads as null): the CSV files taken out of the export zips (each zip
-- also holds a datapackage.json describing its CSV). manual_actions: hand-entered actions, which
-- are part of actions (only in studies that allow them).
-- Replace exports/ below with the path of your folder. Column types are declared rather than
-- guessed; an empty hour (studies by the day) reads as null.
-- level: 'platform × kind', 'platform', 'kind' or 'total'; participants: distinct study and
-- pseudonym pairs with at least one row in that line.
WITH export_rows AS (
  SELECT *
  FROM read_csv(
    'exports/*.csv',
    header = true,
    delim = ',',
    quote = '"',
    escape = '"',
    union_by_name = true,
    types = {
      study_id: 'VARCHAR',
      participant: 'VARCHAR',
      day: 'DATE',
      hour: 'INTEGER',
      grain: 'VARCHAR',
      platform: 'VARCHAR',
      beneficiary: 'VARCHAR',
      kind: 'VARCHAR',
      detail: 'VARCHAR',
      count: 'BIGINT',
      measured_count: 'BIGINT',
      measured_seconds: 'DOUBLE',
      manual_count: 'BIGINT',
      manual_seconds: 'DOUBLE'
    }
  )
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
