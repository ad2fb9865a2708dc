import { BENEFICIARIES, KINDS, PLATFORM_IDS } from '../taxonomy';
import { EXPORT_DETAILS } from './export-details';
import { type AnonymisedExport, COUNT_MAX, type ExportRow, exportBaseName, FIELDS, PSEUDONYM, SECONDS_MAX } from './format';
import { type Granularity, STUDY_ID } from './study';

const pattern = (re: RegExp) => re.source.slice(1, -1); // Table Schema patterns match the whole value

/** The Table Schema constraints of each column: what the reader checks of one value (version 3). */
function constraints(granularity: Granularity): Record<keyof ExportRow, Record<string, unknown>> {
  return {
    study_id: { required: true, pattern: pattern(STUDY_ID) },
    participant: { required: true, pattern: pattern(PSEUDONYM) },
    day: { required: true }, // type `date`: a day that does not exist (Feb 30) does not cast
    // Empty in a study by the day (no value can meet both bounds); 0-23 and required by the hour.
    hour: granularity === 'hour' ? { required: true, minimum: 0, maximum: 23 } : { minimum: 0, maximum: -1 },
    platform: { required: true, enum: PLATFORM_IDS },
    beneficiary: { required: true, enum: Object.keys(BENEFICIARIES) },
    kind: { required: true, enum: KINDS },
    detail: { required: true, enum: EXPORT_DETAILS },
    count: { required: true, minimum: 1, maximum: COUNT_MAX },
    measured_count: { required: true, minimum: 0, maximum: COUNT_MAX },
    measured_seconds: { required: true, minimum: 0, maximum: SECONDS_MAX },
    manual_count: { required: true, minimum: 0, maximum: COUNT_MAX },
    manual_seconds: { required: true, minimum: 0, maximum: SECONDS_MAX },
  };
}

/** A Frictionless Data Package describing the CSV, with the file's metadata as custom properties. */
export function dataPackage(file: AnonymisedExport) {
  const csvName = `${exportBaseName(file)}.csv`;
  const { rows: _rows, format, ...meta } = file;
  return {
    profile: 'tabular-data-package',
    name: exportBaseName(file),
    title: `Clickwork Meter anonymised export for study ${file.study_id}`,
    [format]: meta,
    resources: [
      {
        name: 'clickwork-rows',
        path: csvName,
        profile: 'tabular-data-resource',
        format: 'csv',
        mediatype: 'text/csv',
        encoding: 'utf-8',
        dialect: { delimiter: ',', header: true, doubleQuote: true, lineTerminator: '\n' },
        schema: {
          fields: FIELDS.map((f) => ({
            name: f.name,
            type: f.type,
            description: f.description,
            constraints: constraints(file.granularity)[f.name],
          })),
          missingValues: [''],
          // A key field may not be empty: the hour is part of the key only in studies by the hour.
          primaryKey: [
            'study_id',
            'participant',
            'day',
            ...(file.granularity === 'hour' ? ['hour'] : []),
            'platform',
            'kind',
            'detail',
          ],
        },
      },
    ],
  };
}
