/**
 * Each line of the canonical text is one paragraph. A global offset maps to
 * (paragraph, offset) through a table of line starts and binary search.
 */
export interface TextPoint {
  paragraph: number;
  offset: number;
}

export class LineIndex {
  readonly starts: number[];
  constructor(readonly text: string) {
    const starts = [0];
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
    this.starts = starts;
  }

  get paragraphCount(): number {
    return this.starts.length;
  }

  paragraphStart(paragraph: number): number {
    return this.starts[paragraph]!;
  }

  /** Length of a paragraph, without its newline. */
  paragraphLength(paragraph: number): number {
    const next = paragraph + 1 < this.starts.length ? this.starts[paragraph + 1]! - 1 : this.text.length;
    return next - this.starts[paragraph]!;
  }

  paragraphText(paragraph: number): string {
    const start = this.starts[paragraph]!;
    return this.text.slice(start, start + this.paragraphLength(paragraph));
  }

  /** The paragraph holding `offset`. An offset at a newline belongs to the line it ends. */
  toPoint(offset: number): TextPoint {
    if (offset < 0 || offset > this.text.length) throw new RangeError(`offset ${offset} outside 0..${this.text.length}`);
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { paragraph: lo, offset: offset - this.starts[lo]! };
  }

  toOffset(point: TextPoint): number {
    if (point.paragraph < 0 || point.paragraph >= this.starts.length) {
      throw new RangeError(`paragraph ${point.paragraph} outside 0..${this.starts.length - 1}`);
    }
    const len = this.paragraphLength(point.paragraph);
    if (point.offset < 0 || point.offset > len) throw new RangeError(`offset ${point.offset} outside paragraph of length ${len}`);
    return this.starts[point.paragraph]! + point.offset;
  }
}

/** Canonical text: CRLF and lone CR become LF; nothing else changes, so foreign offsets stay valid. */
export function canonicalText(raw: string): string {
  return raw.replace(/\r\n?/g, '\n');
}
