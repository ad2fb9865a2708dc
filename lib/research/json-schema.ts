import { BENEFICIARIES, KINDS, PLATFORM_IDS } from '../taxonomy';
import { DETAIL, EXPORT_FORMAT, EXPORT_SCHEMA_VERSION, FIELDS, PSEUDONYM } from './format';
import { STUDY_ID } from './study';
import { PANEL_ID } from './study-extras';

const description = (name: string) => FIELDS.find((f) => f.name === name)?.description;
const DAY_PATTERN = '^\\d{4}-\\d{2}-\\d{2}$';

/**
 * The JSON Schema (draft 2020-12) of the JSON form of an anonymised export. docs/research/ holds a
 * copy (export-v<version>.schema.json) that a unit test keeps equal to this one; the copies of older
 * versions stay beside it, unchanged, for files written in them.
 */
export function exportJsonSchema() {
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: `clickwork-meter/anonymised-export/v${EXPORT_SCHEMA_VERSION}`,
    title: `Clickwork Meter anonymised export, schema version ${EXPORT_SCHEMA_VERSION}`,
    description:
      'Aggregates of one participant\u2019s click-work for one study: counts and measured seconds by day (or hour) \u00d7 platform \u00d7 kind \u00d7 detail. No URL, host, target, exact time or text.',
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
      study_id: { type: 'string', pattern: STUDY_ID.source, description: description('study_id') },
      participant: { type: 'string', pattern: PSEUDONYM.source, description: description('participant') },
      consent_version: { type: 'string', minLength: 1, maxLength: 40, description: 'Version of the consent text agreed to.' },
      consent_day: { type: 'string', pattern: DAY_PATTERN, description: 'Local day the participant agreed.' },
      extension_version: { type: 'string', minLength: 1, maxLength: 40 },
      granularity: { enum: ['day', 'hour'] },
      period: {
        type: 'object',
        additionalProperties: false,
        required: ['from', 'to'],
        properties: { from: { type: 'string', pattern: DAY_PATTERN }, to: { type: 'string', pattern: DAY_PATTERN } },
        description: 'The days the rows cover, inclusive.',
      },
      dropped_rows: {
        type: 'integer',
        minimum: 0,
        description: 'How many rows the participant removed before writing the file (a count only).',
      },
      panel_id: {
        type: 'string',
        pattern: PANEL_ID.source,
        description: 'Panel or survey participant id, when the study was joined from a link carrying one.',
      },
      rows: { type: 'array', items: { $ref: '#/$defs/row' } },
    },
    $defs: {
      row: {
        type: 'object',
        additionalProperties: false,
        required: FIELDS.map((f) => f.name),
        properties: {
          study_id: { type: 'string', pattern: STUDY_ID.source, description: description('study_id') },
          participant: { type: 'string', pattern: PSEUDONYM.source, description: description('participant') },
          day: { type: 'string', pattern: DAY_PATTERN, description: description('day') },
          hour: { type: ['integer', 'null'], minimum: 0, maximum: 23, description: description('hour') },
          platform: { enum: PLATFORM_IDS, description: description('platform') },
          beneficiary: { enum: Object.keys(BENEFICIARIES), description: description('beneficiary') },
          kind: { enum: KINDS, description: description('kind') },
          detail: { type: 'string', pattern: DETAIL.source, description: description('detail') },
          count: { type: 'integer', minimum: 1, description: description('count') },
          measured_count: { type: 'integer', minimum: 0, description: description('measured_count') },
          measured_seconds: { type: 'number', minimum: 0, description: description('measured_seconds') },
          manual_count: { type: 'integer', minimum: 0, description: description('manual_count') },
          manual_seconds: { type: 'number', minimum: 0, description: description('manual_seconds') },
        },
      },
    },
  };
}
