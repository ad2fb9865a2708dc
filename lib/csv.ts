/**
 * CSV as RFC 4180 has it: one writer for a cell, one reader, for every CSV the extension handles.
 *
 * Formula injection (OWASP, "CSV Injection"): a spreadsheet runs a cell that starts with `=`, `+`,
 * `-`, `@`, a tab or a carriage return as a formula. The writer puts a single quote before such a
 * text cell (and before one that already starts with quotes and then such a character, so that
 * the reader can tell the two apart); the reader takes exactly that quote off again, so that
 * reading what the writer wrote gives back the same text. Numbers are written as numbers: a
 * negative number in a numeric column is a number to every spreadsheet, not a formula, and only a
 * value whose JavaScript type is `number` is written without the check.
 */

/** A text that a spreadsheet would run: one of the formula characters, after any leading quotes. */
const FORMULA_START = /^'*[=+\-@\t\r]/;
/** What the writer made of such a text: one more quote in front. */
const NEUTRALISED = /^'+[=+\-@\t\r]/;

/** One cell: empty for a missing value, formula-safe, quoted when it holds a quote, a comma or a line break. */
export function csvCell(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') return String(v);
  let s = String(v);
  if (FORMULA_START.test(s)) s = `'${s}`;
  return /[",\n\r]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

/** A cell as the writer meant it: the quote it put before a formula character taken off. */
function cellValue(cell: string): string {
  return cell.charCodeAt(0) === 39 && NEUTRALISED.test(cell) ? cell.slice(1) : cell;
}

/**
 * Splits RFC 4180 CSV into records (formula quotes of `csvCell` taken off); undefined when quotes
 * are unbalanced. `sep` is the separator (`;` where a spreadsheet saved it so).
 */
export function parseCsv(text: string, sep = ','): string[][] | undefined {
  const records: string[][] = [];
  let record: string[] = [];
  let cell = '';
  let quoted = false;
  let i = 0;
  while (i < text.length) {
    const c = text[i] as string;
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          cell += '"';
          i += 2;
          continue;
        }
        quoted = false;
      } else cell += c;
      i++;
      continue;
    }
    if (c === '"' && cell === '') quoted = true;
    else if (c === sep) {
      record.push(cellValue(cell));
      cell = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      record.push(cellValue(cell));
      records.push(record);
      record = [];
      cell = '';
    } else cell += c;
    i++;
  }
  if (quoted) return undefined;
  if (cell !== '' || record.length) {
    record.push(cellValue(cell));
    records.push(record);
  }
  return records;
}
