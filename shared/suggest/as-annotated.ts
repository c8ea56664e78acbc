/** Proposals in the scorer's terms: spans per role and attributions (content, cue, source). */
import type { Annotated, Attribution } from './gold';
import type { Proposal } from './types';

export function proposalsAsAnnotated(proposals: readonly Proposal[]): Annotated {
  const out: Annotated = { spans: { source: [], cue: [], content: [] }, attributions: [] };
  const byKey = new Map(proposals.map((p) => [p.key, p]));
  for (const p of proposals) {
    if (p.tag === 'attribution') {
      p.spans.forEach((s, i) => out.spans[p.roles?.[i] === 'source' ? 'source' : 'cue'].push([s]));
    } else {
      out.spans.content.push([...p.spans]);
      const att = p.attributionKey ? byKey.get(p.attributionKey) : undefined;
      if (!att) continue;
      const a: Attribution = { content: [...p.spans], cue: att.spans.filter((_, i) => att.roles?.[i] === 'cue') };
      const source = att.spans.filter((_, i) => att.roles?.[i] === 'source');
      if (source.length) a.source = source;
      out.attributions.push(a);
    }
  }
  return out;
}
