import { SOURCE_KINDS, SOURCE_KIND_LABELS, type SourceKind } from '../../../shared/model/source-kind';
import type { KindCounts } from '../../../shared/sources';

/** Short marks drawn in each segment, so the chart does not rest on colour. */
export const KIND_MARKS: Record<SourceKind, string> = { person: 'P', organisation: 'O', media: 'M', document: 'D', anonymous: 'A', passive: 'Pv', unknown: '?' };

/**
 * A stacked bar of counts per kind, hand-written SVG: each segment has its colour, a
 * pattern and its letter; the table beside it gives the same numbers to screen readers.
 */
export function KindChart(props: { counts: KindCounts; caption: string; id: string }) {
  const total = SOURCE_KINDS.reduce((n, k) => n + props.counts[k], 0);
  let x = 0;
  const segments = SOURCE_KINDS.filter((k) => props.counts[k] > 0).map((k) => {
    const w = (props.counts[k] / total) * 300;
    const s = { kind: k, x, w };
    x += w;
    return s;
  });
  return (
    <figure className="kind-chart">
      {total > 0 && (
        <svg viewBox="0 0 300 24" width="100%" aria-hidden="true" focusable="false">
          {segments.map((s) => (
            <g key={s.kind}>
              <rect className={`kind-seg kind-${s.kind}`} x={s.x} y={0} width={s.w} height={24} />
              {s.w >= 18 && (
                <text className="kind-mark" x={s.x + s.w / 2} y={16.5} textAnchor="middle" fontSize="12">
                  {KIND_MARKS[s.kind]}
                </text>
              )}
            </g>
          ))}
        </svg>
      )}
      <table className="kind-table" id={props.id}>
        <caption>{props.caption}</caption>
        <thead>
          <tr>
            <th scope="col">Kind</th>
            <th scope="col">Attributions</th>
          </tr>
        </thead>
        <tbody>
          {SOURCE_KINDS.filter((k) => props.counts[k] > 0).map((k) => (
            <tr key={k}>
              <th scope="row">
                <span className={`kind-key kind-${k}`} aria-hidden="true">{KIND_MARKS[k]}</span> {SOURCE_KIND_LABELS[k]}
              </th>
              <td>{props.counts[k]}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
