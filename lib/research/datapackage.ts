import { BENEFICIARIES, KINDS, PLATFORM_IDS } from '../taxonomy';
import { EXPORT_DETAILS } from './export-details';
import { type AnonymisedExport, COUNT_MAX, type ExportRow, exportBaseName, FIELDS, PSEUDONYM, SECONDS_MAX } from './format';
import { grainOfKind } from './format-read';
import { GRAINS, type Grain } from './grain';
import { STUDY_ID } from './study';

const pattern = (re: RegExp) => re.source.slice(1, -1); // Table Schema patterns match the whole value

/** The grains a file's rows have: its granularity's, and its disclosure rules'. */
export function fileGrains(file: Pick<AnonymisedExport, 'granularity' | 'disclosure'>): Grain[] {
  const of = grainOfKind(file.granularity, file.disclosure);
  return GRAINS.filter((g) => g === file.granularity || KINDS.some((k) => of(k) === g));
}

/** The Table Schema constraints of each column: what the reader checks of one value (version 4). */
function constraints(grains: Grain[]): Record<keyof ExportRow, Record<string, unknown>> {
  const hours = grains.includes('hour');
  return {
    study_id: { required: true, pattern: pattern(STUDY_ID) },
    participant: { required: true, pattern: pattern(PSEUDONYM) },
    // Type `date`: a day that does not exist (Feb 30) does not cast. That a week row's day is a
    // Monday and a month row's the 1st is checked by the JSON Schema (months) and the reader.
    day: { required: true },
    // Empty where no row is by the hour (no value can meet both bounds); 0-23, and required when all are.
    hour: !hours
      ? { minimum: 0, maximum: -1 }
      : grains.length === 1
        ? { required: true, minimum: 0, maximum: 23 }
        : { minimum: 0, maximum: 23 },
    grain: { required: true, enum: grains },
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

function primaryKey(grains: Grain[]) {
  if (grains.includes('hour') && grains.length > 1) return {};
  const hour = grains.includes('hour') ? ['hour'] : [];
  return { primaryKey: ['study_id', 'participant', 'day', ...hour, 'grain', 'platform', 'kind', 'detail'] };
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
            constraints: constraints(fileGrains(file))[f.name],
          })),
          missingValues: [''],
          // A key field may not be empty: the hour is part of the key when every row is by the hour; a
          // file with rows by the hour and rows by coarser grains (a disclosure rule) has no key.
          ...primaryKey(fileGrains(file)),
        },
      },
    ],
  };
}
