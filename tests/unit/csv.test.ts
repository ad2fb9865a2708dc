import { describe, expect, it } from 'vitest';
import { csvCell, parseCsv } from '@/lib/csv';
import { backupToCsv } from '@/lib/db/backup';

// Issue 12, finding "spreadsheet formulas pass unchanged into the personal history CSV".

const FORMULAS = ['=1+1', '+1+1', '-1+1', '@SUM(A1)', '\tx', '\rx', '=HYPERLINK("http://a.invalid","a")', "'=x", "''-2"];

describe('CSV cells never start a formula', () => {
  it.each(FORMULAS)('neutralises %j with a single quote, and the reader gives it back unchanged', (text) => {
    const cell = csvCell(text);
    const unquoted = cell.startsWith('"') ? cell.slice(1, -1).replaceAll('""', '"') : cell;
    expect(unquoted.startsWith("'")).toBe(true);
    expect(parseCsv(`${cell}\n`)).toEqual([[text]]);
  });

  it('keeps numbers as numbers (a negative number is not a formula) and ordinary text as it is', () => {
    expect(csvCell(-5)).toBe('-5');
    expect(csvCell(-0.25)).toBe('-0.25');
    expect(csvCell(1700000000000)).toBe('1700000000000');
    expect(csvCell('like')).toBe('like');
    expect(csvCell("it's")).toBe("it's");
    expect(parseCsv(`${csvCell("'quoted")},${csvCell('-')}\n`)).toEqual([["'quoted", '-']]);
  });

  it('the personal history CSV carries no formula from an event’s text fields', () => {
    const csv = backupToCsv({
      format: 'clickwork-meter/personal-backup',
      version: 1,
      schemaVersion: 2,
      exportedAt: '',
      extensionVersion: '0.1.0',
      settings: { valuation: { microPresetId: 'mturk-median', fairPresetId: 'smic' } },
      events: [
        { kind: 'comment', platform: 'x', detail: '=cmd|"/c calc"!A1', ts: 1_780_000_000_000, signal: 'dom', host: '@evil' },
      ],
    });
    const [, row] = parseCsv(csv) as string[][];
    const cells = (csv.trim().split('\n')[1] as string).split(',');
    expect(cells.every((c) => !/^["]?[=+\-@\t\r]/.test(c))).toBe(true);
    expect(row?.[4]).toBe('=cmd|"/c calc"!A1'); // read back as written
    expect(row?.[8]).toBe('@evil');
  });
});
