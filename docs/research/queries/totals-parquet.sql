-- Totals of the rows compacted by compact-parquet.sql (one Parquet file: each participant's latest
-- file's rows). The same lines as totals-json.sql.
-- level: 'platform × kind', 'platform', 'kind' or 'total'; participants: distinct study and
-- pseudonym pairs with at least one row in that line.
WITH export_rows AS (
  SELECT * FROM read_parquet('clickwork-rows.parquet')
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
