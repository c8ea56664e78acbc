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

export type CsvParse = { ok: true; rows: string[][] } | { ok: false; row: number; message: string };

export function parseCsv(text: string): CsvParse {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let quoted = false;
  let startedQuoted = false;
  const endField = () => {
    row.push(field);
    field = '';
    startedQuoted = false;
  };
  for (; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else field += c;
      continue;
    }
    if (c === '"') {
      if (field !== '' || startedQuoted) return { ok: false, row: rows.length + 1, message: 'a quote inside an unquoted field (quote the whole field and double the quote)' };
      quoted = true;
      startedQuoted = true;
    } else if (c === ',') endField();
    else if (c === '\r' || c === '\n') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      endField();
      rows.push(row);
      row = [];
    } else {
      if (startedQuoted) return { ok: false, row: rows.length + 1, message: 'text after the closing quote of a field' };
      field += c;
    }
  }
  if (quoted) return { ok: false, row: rows.length + 1, message: 'a quoted field is never closed' };
  if (field !== '' || row.length) {
    endField();
    rows.push(row);
  }
  return { ok: true, rows };
}
