import { spanText } from '../model/spans';
import type { Annotation, Span, Tag } from '../model/types';
import { CodePointMap } from '../text/code-points';
import type { DecisionKind, DecisionLog } from './decisions';
import type { LinkStatus, PairCategory, Pairing } from './pair';

/** One side of a report row. Offsets count Unicode code points, like every export. */
export interface ReportSide {
  id: string;
  tag: Tag;
  spans: Span[];
  text: string;
}

export interface ReportRow {
  pairId: string;
  category: PairCategory;
  links: LinkStatus | null;
  mine: ReportSide | null;
  theirs: ReportSide | null;
  decision: DecisionKind | null;
  decidedAt: string | null;
}

function side(a: Annotation | undefined, text: string, map: CodePointMap): ReportSide | null {
  if (!a) return null;
  return {
    id: a.id,
    tag: a.tag,
    spans: a.spans.map((s) => ({ start: map.toCodePoint(s.start), end: map.toCodePoint(s.end) })),
    text: spanText(text, a.spans),
  };
}

/** Report rows in document order, one per pair, with the decision taken on it (if any). */
export function reviewReport(text: string, pairing: Pairing, log: DecisionLog = {}): ReportRow[] {
  const map = new CodePointMap(text);
  return pairing.pairs.map((p) => {
    const d = log[p.id];
    return {
      pairId: p.id,
      category: p.category,
      links: p.links ?? null,
      mine: side(p.mine, text, map),
      theirs: side(p.theirs, text, map),
      decision: d?.decision.kind ?? null,
      decidedAt: d?.decidedAt ?? null,
    };
  });
}

export function reportJson(rows: readonly ReportRow[]): string {
  return `${JSON.stringify(rows, null, 2)}\n`;
}

export const CSV_COLUMNS = [
  'pair_id',
  'category',
  'links',
  'mine_id',
  'mine_tag',
  'mine_spans',
  'mine_text',
  'theirs_id',
  'theirs_tag',
  'theirs_spans',
  'theirs_text',
  'decision',
  'decided_at',
] as const;

/** RFC 4180: a field with a comma, quote, CR or LF is quoted, quotes inside doubled. */
export function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** `start-end` per span, `;` between the pieces of a discontinuous annotation (brat's habit). */
function spansCell(spans: readonly Span[] | undefined): string {
  return spans ? spans.map((s) => `${s.start}-${s.end}`).join(';') : '';
}

/** CSV with a header row and CRLF line ends, as RFC 4180 specifies. */
export function reportCsv(rows: readonly ReportRow[]): string {
  const lines = [CSV_COLUMNS.join(',')];
  for (const r of rows) {
    const cells = [
      r.pairId,
      r.category,
      r.links ?? '',
      r.mine?.id ?? '',
      r.mine?.tag ?? '',
      spansCell(r.mine?.spans),
      r.mine?.text ?? '',
      r.theirs?.id ?? '',
      r.theirs?.tag ?? '',
      spansCell(r.theirs?.spans),
      r.theirs?.text ?? '',
      r.decision ?? '',
      r.decidedAt ?? '',
    ];
    lines.push(cells.map(csvField).join(','));
  }
  return `${lines.join('\r\n')}\r\n`;
}
