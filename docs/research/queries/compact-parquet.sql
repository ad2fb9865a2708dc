-- Compacts a research team's monthly collections of Clickwork Meter anonymised exports (JSON form,
-- schema versions 1 to 3, in exports/study=<study id>/month=<YYYY-MM>/, as in totals-partitioned.sql)
-- into one Parquet file of rows: each participant's latest file only (files of one participant
-- overlap), with the file's study folder, month folder, period and dropped_rows beside each row.
-- Run it once after each collection; then query clickwork-rows.parquet (totals-parquet.sql), which
-- reads in a fraction of the time and a fraction of the space.
-- Replace exports/ below with the path of your folder.
COPY (
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
  SELECT study, month, period, dropped_rows, rows
  FROM files
  QUALIFY row_number() OVER (PARTITION BY study_id, participant ORDER BY period."to" DESC, month DESC) = 1
),
export_rows AS (
  SELECT study, month, period."from" AS period_from, period."to" AS period_to, dropped_rows, unnest(rows, recursive := true)
  FROM latest
)
SELECT * FROM export_rows
ORDER BY study_id, participant, day, hour
) TO 'clickwork-rows.parquet' (FORMAT parquet, COMPRESSION zstd);
