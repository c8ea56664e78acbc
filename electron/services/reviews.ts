import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { decodeText } from '../../shared/import/decode';
import { formatProblems, zodProblems, type Problem } from '../../shared/issues';
import type { RequestOf, ResponseOf } from '../../shared/ipc/contract';
import { annotationProblems } from '../../shared/model/validate';
import { COLLEAGUE_EXTENSIONS, colleagueLabel, fileStem, readColleagueFile, uniqueLabel, type ColleagueFile } from '../../shared/review/colleague-file';
import { reportCsv, reportJson } from '../../shared/review/report';
import { reviewReportRows } from '../../shared/review/review-session';
import { emptyReview, ReviewState, type Colleague, type LoadedColleague, type ReviewProblem, type StoredDecision } from '../../shared/review/review-state';
import type { DeskLayer } from '../../shared/desk/contract';
import { ServiceError } from './errors';
import { slugify, writeFileAtomic } from './export-file';
import type { Library } from './library';
import type { JsonStore, Ports } from './ports';
import { describeReadError, quarantine } from './quarantine';
import { NewerVersionError } from './store-files';

/**
 * Reviews: one store per article (`reviews/<articleId>.json`) holding the colleagues' files
 * as placed on the article and every decision taken, so closing and reopening resumes the
 * review. Plain Node; stores and dialogs come in through the ports. A file that does not
 * read is moved aside and reported, never reset silently; one from a newer Newsmark is left
 * alone and the review is read-only until then.
 */
export const REVIEWS_DIR = 'reviews';
export const REVIEW_VERSION = 1;
/** Colleague files larger than this are refused (a 10,000-annotation export is ~5 MB). */
export const MAX_COLLEAGUE_FILE_BYTES = 100_000_000;

interface Loaded {
  store: JsonStore;
  state: ReviewState;
  /** Why the review cannot be written (a file from a newer Newsmark). */
  readOnly?: string;
}

export class Reviews {
  /** Desk colleagues' live layers on an article (set by the desk); they join the review as colleagues. */
  liveLayers: ((articleId: string) => DeskLayer[]) | undefined;
  private readonly loaded = new Map<string, Loaded>();
  private readonly problems = new Map<string, ReviewProblem>();
  private readonly now: () => Date;
  private readonly newId: () => string;

  constructor(
    private readonly ports: Ports,
    private readonly library: Library,
  ) {
    this.now = ports.now ?? (() => new Date());
    this.newId = ports.newId ?? randomUUID;
  }

  private open(articleId: string): Loaded {
    const cached = this.loaded.get(articleId);
    if (cached) return cached;
    const text = this.library.article(articleId).article.text; // throws not-found for an unknown article
    const store = this.ports.openStore(REVIEWS_DIR, articleId);
    const loaded = this.read(store, articleId, text.length);
    this.loaded.set(articleId, loaded);
    return loaded;
  }

  private read(store: JsonStore, articleId: string, textLength: number): Loaded {
    let reason: string;
    let moveAside = true;
    try {
      const raw = store.read();
      if (Object.keys(raw).length === 0 && !fs.existsSync(store.path)) return { store, state: emptyReview(articleId) };
      const version = raw.schemaVersion;
      if (typeof version !== 'number' || !Number.isInteger(version)) throw new Error('schemaVersion is missing or not a whole number');
      if (version > REVIEW_VERSION) throw new NewerVersionError(`written by a newer Newsmark (schema version ${version}, this one reads up to ${REVIEW_VERSION})`);
      const { schemaVersion: _version, ...rest } = raw;
      const parsed = ReviewState.safeParse(rest);
      if (parsed.success) {
        const problems = consistencyProblems(parsed.data, articleId, textLength);
        if (problems.length === 0) return { store, state: parsed.data };
        reason = `does not fit its article:\n${formatProblems(problems, 5)}`;
      } else reason = `does not match the review schema:\n${formatProblems(zodProblems(parsed.error.issues), 5)}`;
    } catch (error) {
      reason = describeReadError(error);
      if (error instanceof NewerVersionError) moveAside = false;
    }
    const movedTo = moveAside && fs.existsSync(store.path) ? quarantine(store.path, this.now()) : undefined;
    this.problems.set(articleId, { file: store.path, ...(movedTo ? { movedTo } : {}), reason });
    return { store, state: emptyReview(articleId), ...(moveAside ? {} : { readOnly: `The review file ${store.path} was ${reason}; it was left as it is.` }) };
  }

  private write(loaded: Loaded, next: ReviewState): void {
    if (loaded.readOnly) throw new ServiceError('io', loaded.readOnly);
    loaded.store.write({ schemaVersion: REVIEW_VERSION, ...next });
    loaded.state = next;
  }

  /** The review; a problem reading its file is reported once, with the first read. */
  get(articleId: string): ResponseOf<'review:get'> {
    this.syncLive(articleId);
    const { state } = this.open(articleId);
    const problem = this.problems.get(articleId);
    this.problems.delete(articleId);
    return { review: state, ...(problem ? { problem } : {}) };
  }

  /**
   * Bring the desk colleagues' layers into the review: a live colleague is one colleague like
   * a file, whose annotations follow the desk; decisions and the reviewer's place are kept.
   */
  private syncLive(articleId: string): void {
    const layers = this.liveLayers?.(articleId) ?? [];
    const loaded = this.open(articleId);
    if (loaded.readOnly) return;
    const colleagues = [...loaded.state.colleagues];
    let changed = false;
    for (const layer of layers) {
      const file = `desk:${layer.author.id}`;
      const index = colleagues.findIndex((c) => c.live && c.file === file);
      const n = layer.annotations.length;
      const fresh = { annotations: layer.annotations, author: layer.author, counts: { total: n, position: n, exact: 0, fuzzy: 0, orphan: 0 } };
      if (index >= 0) {
        const before = colleagues[index]!;
        if (JSON.stringify(before.annotations) === JSON.stringify(layer.annotations) && before.author?.name === layer.author.name) continue;
        colleagues[index] = { ...before, ...fresh, label: before.author?.name === layer.author.name ? before.label : uniqueLabel(layer.author.name || 'Colleague', colleagues.filter((_, i) => i !== index).map((c) => c.label)) };
      } else {
        const label = uniqueLabel(layer.author.name || 'Colleague', colleagues.map((c) => c.label));
        colleagues.push({ id: `desk-${this.newId()}`, label, file, format: 'newsmark', loadedAt: this.now().toISOString(), ...fresh, orphans: [], decisions: [], live: true });
      }
      changed = true;
    }
    if (!changed) return;
    const activeColleagueId = loaded.state.activeColleagueId ?? colleagues[0]?.id;
    this.write(loaded, { ...loaded.state, colleagues, ...(activeColleagueId ? { activeColleagueId } : {}) });
  }

  status(articleId: string): ResponseOf<'review:status'> {
    const { state } = this.open(articleId);
    return { reviewing: state.reviewing, colleagues: state.colleagues.length };
  }

  private colleague(loaded: Loaded, colleagueId: string): Colleague {
    const c = loaded.state.colleagues.find((x) => x.id === colleagueId);
    if (!c) throw new ServiceError('not-found', `No colleague's file with id ${colleagueId} in this review.`);
    return c;
  }

  /** Ask for files, read and place every one; if any fails, nothing is kept and each problem is reported. */
  async load(articleId: string): Promise<ResponseOf<'review:load'>> {
    const loaded = this.open(articleId);
    if (loaded.readOnly) throw new ServiceError('io', loaded.readOnly);
    const { text, textHash: articleHash } = this.library.article(articleId).article;
    const chosen = await this.ports.dialogs.showOpen({
      title: "Open colleague's annotations",
      filters: [
        { name: 'Annotations (Newsmark JSON, W3C, brat, CSV)', extensions: COLLEAGUE_EXTENSIONS },
        { name: 'All files', extensions: ['*'] },
      ],
      multi: true,
    });
    if (!chosen || chosen.length === 0) return { canceled: true };
    const files = [...new Set(chosen.map((p) => path.resolve(p)))];
    const at = this.now().toISOString();
    const read = files.map((file) => ({ file, result: readFile(file, text, at, articleHash) }));
    const failed = read.filter((r) => !r.result.ok);
    if (failed.length) {
      const problems = failed.flatMap((r) => (r.result.ok ? [] : r.result.problems.map((p) => (p.where === '$' ? { where: path.basename(r.file), message: p.message } : { where: `${path.basename(r.file)}: ${p.where}`, message: p.message }))));
      const names = failed.map((r) => path.basename(r.file)).join(', ');
      throw new ServiceError(
        'invalid-request',
        `Could not load ${names}; nothing was loaded.\n${formatProblems(problems, 8)}`,
        problems,
      );
    }

    const colleagues = [...loaded.state.colleagues];
    const report: LoadedColleague[] = [];
    for (const { file, result } of read) {
      if (!result.ok) continue;
      const value: ColleagueFile = result.value;
      const fresh = {
        file,
        format: value.format,
        loadedAt: at,
        ...(value.author ? { author: value.author } : {}),
        annotations: value.annotations,
        orphans: value.orphans,
        counts: value.counts,
      };
      const index = colleagues.findIndex((c) => c.file === file);
      let colleague: Colleague;
      if (index >= 0) {
        const { author: _old, ...before } = colleagues[index]!;
        colleague = { ...before, ...fresh };
        colleagues[index] = colleague;
      } else {
        const label = uniqueLabel(colleagueLabel(file, value.author), colleagues.map((c) => c.label));
        colleague = { id: this.newId(), label, ...fresh, decisions: [] };
        colleagues.push(colleague);
      }
      report.push({
        colleagueId: colleague.id,
        label: colleague.label,
        file,
        format: value.format,
        placed: value.annotations.length,
        orphans: value.orphans.length,
        fuzzy: value.counts.fuzzy,
        droppedLinks: value.droppedLinks,
        replaced: index >= 0,
      });
    }
    const next: ReviewState = { ...loaded.state, colleagues, activeColleagueId: report[0]!.colleagueId };
    this.write(loaded, next);
    return { review: next, loaded: report };
  }

  decide(request: RequestOf<'review:decide'>): void {
    const loaded = this.open(request.articleId);
    const colleague = this.colleague(loaded, request.colleagueId);
    const change = request.change;
    let decisions: StoredDecision[];
    if ('set' in change) {
      decisions = colleague.decisions.filter((d) => d.pairId !== change.set.pairId);
      decisions.push(change.set);
    } else {
      decisions = colleague.decisions.filter((d) => d.pairId !== change.forget);
      if (decisions.length === colleague.decisions.length) return;
    }
    this.replaceColleague(loaded, { ...colleague, decisions });
  }

  private replaceColleague(loaded: Loaded, colleague: Colleague): void {
    this.write(loaded, { ...loaded.state, colleagues: loaded.state.colleagues.map((c) => (c.id === colleague.id ? colleague : c)) });
  }

  update(request: RequestOf<'review:update'>): void {
    const loaded = this.open(request.articleId);
    let next = loaded.state;
    if (request.activeColleagueId !== undefined && request.activeColleagueId !== next.activeColleagueId) {
      this.colleague(loaded, request.activeColleagueId);
      next = { ...next, activeColleagueId: request.activeColleagueId };
    }
    if (request.layout !== undefined && request.layout !== next.layout) next = { ...next, layout: request.layout };
    if (request.reviewing !== undefined && request.reviewing !== next.reviewing) next = { ...next, reviewing: request.reviewing };
    if (request.cursor) {
      const { colleagueId, pairId } = request.cursor;
      const c = this.colleague(loaded, colleagueId);
      if ((c.cursor ?? null) !== pairId) {
        const { cursor: _old, ...rest } = c;
        const moved: Colleague = pairId === null ? rest : { ...rest, cursor: pairId };
        next = { ...next, colleagues: next.colleagues.map((x) => (x.id === colleagueId ? moved : x)) };
      }
    }
    if (next !== loaded.state) this.write(loaded, next);
  }

  remove(request: RequestOf<'review:remove'>): ReviewState {
    const loaded = this.open(request.articleId);
    this.colleague(loaded, request.colleagueId);
    const colleagues = loaded.state.colleagues.filter((c) => c.id !== request.colleagueId);
    const { activeColleagueId: _active, ...rest } = loaded.state;
    const active = loaded.state.activeColleagueId === request.colleagueId ? colleagues[0]?.id : loaded.state.activeColleagueId;
    const next: ReviewState = { ...rest, colleagues, ...(active ? { activeColleagueId: active } : {}) };
    this.write(loaded, next);
    return next;
  }

  async exportReport(request: RequestOf<'review:export-report'>): Promise<ResponseOf<'review:export-report'>> {
    const loaded = this.open(request.articleId);
    const colleague = this.colleague(loaded, request.colleagueId);
    const file = this.library.article(request.articleId);
    const rows = reviewReportRows(file.article.text, file.annotations, colleague.annotations, colleague.decisions);
    const other = request.format === 'csv' ? 'json' : 'csv';
    const target = await this.ports.dialogs.showSave({
      title: 'Export review report',
      defaultName: `${slugify(file.article.title)}.review-${slugify(colleague.label)}.${request.format}`,
      filters: [
        { name: request.format === 'csv' ? 'CSV' : 'JSON', extensions: [request.format] },
        { name: other === 'csv' ? 'CSV' : 'JSON', extensions: [other] },
      ],
    });
    if (!target) return { canceled: true };
    const ext = path.extname(target).toLowerCase();
    const format = ext === '.json' ? 'json' : ext === '.csv' ? 'csv' : request.format;
    try {
      writeFileAtomic(target, format === 'csv' ? reportCsv(rows) : reportJson(rows));
    } catch (error) {
      throw new ServiceError('io', `Could not write ${target}: ${(error as Error).message}`);
    }
    return { path: target, rows: rows.length };
  }

  /** The article was deleted: its review goes with it. */
  delete(articleId: string): void {
    const cached = this.loaded.get(articleId);
    const file = cached?.store.path ?? path.join(this.ports.dataDir, REVIEWS_DIR, `${articleId}.json`);
    fs.rmSync(file, { force: true });
    this.loaded.delete(articleId);
    this.problems.delete(articleId);
  }
}

/** Colleague annotations must fit the article text, and labels must tell colleagues apart. */
function consistencyProblems(state: ReviewState, articleId: string, textLength: number): Problem[] {
  const problems: Problem[] = [];
  if (state.articleId !== articleId) problems.push({ where: '$.articleId', message: `is ${state.articleId}, but the file is named ${articleId}` });
  const labels = new Set<string>();
  const ids = new Set<string>();
  state.colleagues.forEach((c, i) => {
    if (labels.has(c.label)) problems.push({ where: `$.colleagues[${i}].label`, message: `"${c.label}" is used twice` });
    if (ids.has(c.id)) problems.push({ where: `$.colleagues[${i}].id`, message: `duplicate id ${c.id}` });
    labels.add(c.label);
    ids.add(c.id);
    problems.push(...annotationProblems(textLength, c.annotations, `$.colleagues[${i}].annotations`));
  });
  if (state.activeColleagueId !== undefined && !ids.has(state.activeColleagueId)) {
    problems.push({ where: '$.activeColleagueId', message: `names no colleague in the file (${state.activeColleagueId})` });
  }
  return problems;
}

/** Read one colleague's file from disk (and, for brat, the .txt beside it) and place it. */
export function readFile(file: string, articleText: string, now: string, articleHash?: string): ReturnType<typeof readColleagueFile> {
  let bytes: Uint8Array;
  try {
    const size = fs.statSync(file).size;
    if (size > MAX_COLLEAGUE_FILE_BYTES) {
      return { ok: false, problems: [{ where: '$', message: `the file is ${Math.round(size / 1_000_000)} MB; Newsmark reads colleagues' files of up to ${MAX_COLLEAGUE_FILE_BYTES / 1_000_000} MB` }] };
    }
    bytes = fs.readFileSync(file);
  } catch (error) {
    return { ok: false, problems: [{ where: '$', message: `could not be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})` }] };
  }
  const content = decodeText(bytes).text;
  let bratText: string | undefined;
  if (/\.ann$/i.test(file)) {
    const txt = path.join(path.dirname(file), `${fileStem(file)}.txt`);
    if (fs.existsSync(txt)) bratText = decodeText(fs.readFileSync(txt)).text;
  }
  return readColleagueFile({ name: file, content, articleText, ...(bratText !== undefined ? { bratText } : {}), now, ...(articleHash ? { articleHash } : {}) });
}
