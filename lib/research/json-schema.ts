import { BENEFICIARIES, beneficiaryOf, KINDS, PLATFORM_IDS, type PlatformId } from '../taxonomy';
import { DAY_SOURCE, EXPORT_DETAILS, wholeString } from './export-details';
import { COUNT_MAX, EXPORT_FORMAT, EXPORT_SCHEMA_VERSION, FIELDS, PSEUDONYM, SECONDS_MAX } from './format';
import { coarserOrSame, GRAINS, type Grain } from './grain';
import { MAX_EPSILON, MIN_EPSILON } from './noise';
import { STUDY_ID } from './study';
import { PANEL_ID } from './study-extras';

const description = (name: string) => FIELDS.find((f) => f.name === name)?.description;
const DAY = { type: 'string', pattern: wholeString(DAY_SOURCE) } as const;
const text = (re: RegExp) => ({ type: 'string', pattern: wholeString(re.source) });

/** Where the schema of each version is published: an absolute id, as validators require (a reserved host, never fetched). */
export const exportSchemaId = (version: number) => `https://clickwork-meter.invalid/research/export-v${version}.schema.json`;

/** Each beneficiary with the platforms it owns: a row's beneficiary must be its platform's. */
function beneficiaryOfPlatform() {
  const owned = new Map<string, PlatformId[]>();
  for (const p of PLATFORM_IDS) owned.set(beneficiaryOf(p), [...(owned.get(beneficiaryOf(p)) ?? []), p]);
  return [...owned].map(([b, platforms]) => ({
    properties: { beneficiary: { const: b }, platform: { enum: platforms } },
  }));
}

/** The row of a version 3 file; what JSON Schema cannot say is checked by the reader (see exportJsonSchema). */
function rowSchema() {
  return {
    type: 'object',
    additionalProperties: false,
    required: FIELDS.map((f) => f.name),
    properties: {
      study_id: { ...text(STUDY_ID), description: description('study_id') },
      participant: { ...text(PSEUDONYM), description: description('participant') },
      day: { ...DAY, description: description('day') },
      hour: { type: ['integer', 'null'], minimum: 0, maximum: 23, description: description('hour') },
      grain: { enum: GRAINS, description: description('grain') },
      platform: { enum: PLATFORM_IDS, description: description('platform') },
      beneficiary: { enum: Object.keys(BENEFICIARIES), description: description('beneficiary') },
      kind: { enum: KINDS, description: description('kind') },
      detail: { enum: EXPORT_DETAILS, description: description('detail') },
      count: { type: 'integer', minimum: 1, maximum: COUNT_MAX, description: description('count') },
      measured_count: { type: 'integer', minimum: 0, maximum: COUNT_MAX, description: description('measured_count') },
      measured_seconds: { type: 'number', minimum: 0, maximum: SECONDS_MAX, description: description('measured_seconds') },
      manual_count: { type: 'integer', minimum: 0, maximum: COUNT_MAX, description: description('manual_count') },
      manual_seconds: { type: 'number', minimum: 0, maximum: SECONDS_MAX, description: description('manual_seconds') },
    },
    anyOf: beneficiaryOfPlatform(),
    allOf: [
      // A row by the hour has its hour; any other row has none.
      rowIf({ grain: { const: 'hour' } }, { hour: { type: 'integer' } }, { hour: { type: 'null' } }),
      // A month row is keyed by the month's first day (that a week row's day is a Monday is checked by the reader).
      rowIf({ grain: { const: 'month' } }, { day: { type: 'string', pattern: wholeString(MONTH_START) } }),
    ],
  };
}

const MONTH_START = '^[0-9]{4}-(?:0[1-9]|1[0-2])-01$';

/** `if` the row's properties match, `then` (else `otherwise`) these properties must. */
function rowIf(test: Record<string, unknown>, then: Record<string, unknown>, otherwise?: Record<string, unknown>) {
  return {
    if: { type: 'object', properties: test, required: Object.keys(test) },
    // biome-ignore lint/suspicious/noThenProperty: `then` is the JSON Schema keyword, not a promise
    then: { type: 'object', properties: then },
    ...(otherwise ? { else: { type: 'object', properties: otherwise } } : {}),
  };
}

/** The grains a file's rows may have: its granularity or, through a disclosure rule, a coarser one. */
const grainsOf = (granularity: Grain) => ({
  if: { type: 'object', properties: { granularity: { const: granularity } }, required: ['granularity'] },
  // biome-ignore lint/suspicious/noThenProperty: `then` is the JSON Schema keyword, not a promise
  then: {
    type: 'object',
    properties: {
      rows: {
        type: 'array',
        items: { type: 'object', properties: { grain: { enum: GRAINS.filter((g) => coarserOrSame(g, granularity)) } } },
      },
    },
  },
});

/** The `disclosure` rules of a version 4 file, as the study file declared them. */
function disclosureSchema() {
  const int = (minimum: number, maximum: number) => ({ type: 'integer', minimum, maximum });
  return {
    type: 'array',
    minItems: 1,
    maxItems: KINDS.length,
    description: 'The study\u2019s disclosure rules (see docs/research/README.md).',
    items: {
      type: 'object',
      additionalProperties: false,
      required: ['kinds'],
      properties: {
        kinds: { type: 'array', minItems: 1, uniqueItems: true, items: { enum: KINDS } },
        granularity: { enum: GRAINS },
        noise: {
          type: 'object',
          additionalProperties: false,
          required: ['mechanism', 'epsilon'],
          properties: {
            mechanism: { const: 'geometric' },
            epsilon: { type: 'number', minimum: MIN_EPSILON, maximum: MAX_EPSILON },
          },
        },
        suppress_below: int(2, 100),
        round_to: int(2, 1000),
      },
    },
  };
}

const CHECKED_BY_THE_READER =
  ' What JSON Schema cannot state is checked by the class totals reader: no two rows share day, hour, platform, kind and detail' +
  ' (the schema only refuses identical rows), every row has the file\u2019s study_id and participant and a day within period,' +
  ' measured_count + manual_count \u2264 count, period.from \u2264 period.to, a week row\u2019s day is a Monday, each row has its kind\u2019s grain (the disclosure rule\u2019s or the file\u2019s), and a week or month row\u2019s span meets the period.';

/**
 * The JSON Schema (draft 2020-12) of the JSON form of an anonymised export. docs/research/ holds a
 * copy (export-v<version>.schema.json) that a unit test keeps equal to this one; the copies of older
 * versions stay beside it, unchanged, for files written in them.
 */
export function exportJsonSchema() {
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: exportSchemaId(EXPORT_SCHEMA_VERSION),
    title: `Clickwork Meter anonymised export, schema version ${EXPORT_SCHEMA_VERSION}`,
    description: `Aggregates of one participant\u2019s click-work for one study: counts and measured seconds by hour, day, week or month \u00d7 platform \u00d7 kind \u00d7 detail. No URL, host, target, exact time or text.${CHECKED_BY_THE_READER}`,
    type: 'object',
    additionalProperties: false,
    required: [
      'format',
      'schema_version',
      'study_id',
      'participant',
      'consent_version',
      'consent_day',
      'extension_version',
      'granularity',
      'period',
      'dropped_rows',
      'rows',
    ],
    properties: {
      format: { const: EXPORT_FORMAT },
      schema_version: { const: EXPORT_SCHEMA_VERSION },
      study_id: { ...text(STUDY_ID), description: description('study_id') },
      participant: { ...text(PSEUDONYM), description: description('participant') },
      consent_version: { type: 'string', minLength: 1, maxLength: 40, description: 'Version of the consent text agreed to.' },
      consent_day: { ...DAY, description: 'Local day the participant agreed.' },
      extension_version: { type: 'string', minLength: 1, maxLength: 40 },
      granularity: {
        enum: GRAINS,
        description:
          'hour, day, week (ISO 8601, Monday to Sunday, keyed by its Monday) or month (keyed by its 1st), in local time.',
      },
      disclosure: disclosureSchema(),
      period: {
        type: 'object',
        additionalProperties: false,
        required: ['from', 'to'],
        properties: { from: DAY, to: DAY },
        description: 'The days the rows cover, inclusive.',
      },
      dropped_rows: {
        type: 'integer',
        minimum: 0,
        maximum: COUNT_MAX,
        description: 'How many rows the participant removed before writing the file (a count only).',
      },
      panel_id: {
        ...text(PANEL_ID),
        description: 'Panel or survey participant id, when the study was joined from a link carrying one.',
      },
      rows: { type: 'array', uniqueItems: true, items: { $ref: '#/$defs/row' } },
    },
    allOf: GRAINS.map(grainsOf),
    $defs: { row: rowSchema() },
  };
}
