/**
 * RFC 4180 CSV: fields with a comma, quote or line break are quoted, quotes doubled,
 * records end with CRLF. The reader accepts LF too and reports where a record breaks.
 */
export function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

export function csvRecord(fields: readonly string[]): string {
  return `${fields.map(csvField).join(',')}\r\n`;
}

/**
 * A break names the record (`row`, 1-based, the header is row 1), the field (0-based) and
 * the file line where that field started: a quote never closed runs to the end of the
 * file, so where it opened is what helps.
 */
export type CsvBreak = { ok: false; row: number; field: number; line: number; header?: string[]; message: string };
export type CsvParse = { ok: true; rows: string[][] } | CsvBreak;

function lineOf(text: string, offset: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) line++;
  return line;
}

export function parseCsv(text: string): CsvParse {
  const rows: string[][] = [];
  const len = text.length;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let row: string[] = [];
  const fail = (start: number, message: string): CsvBreak => ({ ok: false, row: rows.length + 1, field: row.length, line: lineOf(text, start), ...(rows[0] ? { header: rows[0] } : {}), message });
  while (i < len) {
    const start = i;
    let field: string;
    if (text.charCodeAt(i) === 34) {
      // quoted: copy up to each quote; a doubled quote is one quote
      field = '';
      let j = i + 1;
      for (;;) {
        const q = text.indexOf('"', j);
        if (q === -1) return fail(start, 'a quoted field is never closed');
        field += text.slice(j, q);
        if (text.charCodeAt(q + 1) === 34) {
          field += '"';
          j = q + 2;
        } else {
          i = q + 1;
          break;
        }
      }
      const c = text.charCodeAt(i);
      if (i < len && c !== 44 && c !== 10 && c !== 13) return fail(start, 'text after the closing quote of a field');
    } else {
      let j = i;
      for (; j < len; j++) {
        const c = text.charCodeAt(j);
        if (c === 44 || c === 10 || c === 13) break;
        if (c === 34) return fail(start, 'a quote inside an unquoted field (quote the whole field and double the quote)');
      }
      field = text.slice(i, j);
      i = j;
    }
    row.push(field);
    if (i >= len) break;
    const c = text.charCodeAt(i);
    if (c === 44) {
      i++;
      if (i >= len) row.push('');
      continue;
    }
    i += c === 13 && text.charCodeAt(i + 1) === 10 ? 2 : 1;
    rows.push(row);
    row = [];
  }
  if (row.length) rows.push(row);
  return { ok: true, rows };
}
