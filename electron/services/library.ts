import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { detectHead } from '../../shared/article/head';
import { cleanSource } from '../../shared/article/source';
import { textHash } from '../../shared/hash';
import { formatProblems, zodProblems } from '../../shared/issues';
import type { ArticleSummary, OpenedArticle, PublicSettings, RequestOf, SearchMatch, StoreProblem } from '../../shared/ipc/contract';
import { applyOperation, OperationError } from '../../shared/model/operations';
import { countTags, MAX_TEXT_LENGTH, type Annotation, type Article, type ArticleSource } from '../../shared/model/types';
import { annotationProblems } from '../../shared/model/validate';
import type { BratKept } from '../../shared/formats/brat-kept';
import { applyOrphanChange, OrphanError, orphanProblems } from '../../shared/transfer/orphans';
import { canonicalText } from '../../shared/text/line-index';
import { ServiceError } from './errors';
import { createProblems, editedDetails, SAFE_ID } from './library-checks';
import { SearchIndex } from './library-search';
import { currentOf, withNewVersion, withoutLatestVersion, type AddVersionResult, type IncomingVersion } from './versions';
import type { JsonStore, Ports } from './ports';
import { Journal, JOURNAL_SUFFIX } from './journal';
import { replay } from './journal-replay';
import { describeReadError, quarantine } from './quarantine';
import {
  ARTICLE_VERSION,
  ArticleFile,
  LIBRARY_VERSION,
  LibraryFile,
  migrate,
  NewerVersionError,
  SETTINGS_VERSION,
  SettingsFile,
} from './store-files';

const ARTICLES_DIR = 'articles';
/** Beside library.json: each article file's size and mtime, so a start need not read unchanged files. A cache: lost or bad, every file is read. */
const FILE_STATS = 'library-files.json';

interface FileStat {
  size: number;
  mtimeMs: number;
}

function statOf(file: string): FileStat | undefined {
  try {
    const { size, mtimeMs } = fs.statSync(file);
    return { size, mtimeMs };
  } catch {
    return undefined;
  }
}

function readFileStats(file: string): Map<string, FileStat> {
  try {
    const data = JSON.parse(fs.readFileSync(file, 'utf8')) as { version?: unknown; files?: Record<string, unknown> };
    if (data.version !== 1 || typeof data.files !== 'object' || !data.files) return new Map();
    const out = new Map<string, FileStat>();
    for (const [id, v] of Object.entries(data.files)) {
      if (Array.isArray(v) && typeof v[0] === 'number' && typeof v[1] === 'number') out.set(id, { size: v[0], mtimeMs: v[1] });
    }
    return out;
  } catch {
    return new Map();
  }
}

function writeFileStats(file: string, stats: Map<string, FileStat>, index: Map<string, unknown>): void {
  const files: Record<string, [number, number]> = {};
  for (const [id, s] of stats) if (index.has(id)) files[id] = [s.size, s.mtimeMs];
  const temp = `${file}.tmp-${process.pid}`;
  fs.writeFileSync(temp, JSON.stringify({ version: 1, files }));
  fs.renameSync(temp, file);
}
/** The library index is rewritten after this quiet time, so a tag change rewrites one article file. */
const INDEX_WRITE_DELAY_MS = 300;
/** A journal past this size is folded into its snapshot right after the change that passed it. */
const JOURNAL_MAX_BYTES = 1_000_000;
/** Journals are folded into their snapshots once changes pause this long (and on close). */
const SNAPSHOT_IDLE_MS = 5_000;

interface LoadedArticle {
  store: JsonStore;
  /** The article as it is now: the snapshot with the journal's changes applied. */
  file: ArticleFile;
  /** Changes since the snapshot, one durable line each. */
  journal: Journal;
}

export type ArticleSavedKind = 'created' | 'annotations' | 'details';

/** What `create` takes: the window's "New article" fields, or more from an import. */
export interface NewArticle {
  text: string;
  title?: string;
  /** Override `source.outlet` / `source.url` (the "New article" form's fields). */
  outlet?: string;
  url?: string;
  /** The whole source, as an import found it: outlet, URL, byline, published time. */
  source?: ArticleSource;
  /**
   * Annotations that come with the article (a restored export), in UTF-16 offsets into the
   * text as given (its line ends must already be LF). Validated; nothing is stored if any fails.
   */
  annotations?: Annotation[];
  /** Keep this id (a restored export's) when it is free and safe as a file name. */
  preferredId?: string;
}

/**
 * The library: settings, the index of articles and one store per article. Plain Node; the
 * stores come in through `ports.openStore`.
 */
export class Library {
  private readonly now: () => Date;
  private readonly newId: () => string;
  private settingsStore!: JsonStore;
  private settings!: SettingsFile;
  private indexStore!: JsonStore;
  private index = new Map<string, ArticleSummary>();
  private readonly loaded = new Map<string, LoadedArticle>();
  /** Every article's text for search, kept from startup on: searching reads no files. */
  private readonly searchIndex = new SearchIndex();
  private readonly problems: StoreProblem[] = [];
  private indexTimer: ReturnType<typeof setTimeout> | undefined;
  private snapshotTimer: ReturnType<typeof setTimeout> | undefined;
  /** Articles whose journal holds changes their snapshot does not. */
  private readonly journaled = new Set<string>();
  /** Each article file's size and mtime when this app last wrote or checked it. */
  private readonly fileStats = new Map<string, FileStat>();
  private indexDirty = false;
  private closed = false;
  private readonly savedListeners = new Set<(articleId: string, kind: ArticleSavedKind) => void>();

  /** `journalMaxBytes`: fold a journal into its snapshot past this size (tests make it small to snapshot often). */
  constructor(
    private readonly ports: Ports,
    private readonly options: { journalMaxBytes?: number } = {},
  ) {
    this.now = ports.now ?? (() => new Date());
    this.newId = ports.newId ?? randomUUID;
  }

  /** Called after an article file was written: created, its annotations changed, or its details. The desk follows this. */
  onArticleSaved(listener: (articleId: string, kind: ArticleSavedKind) => void): () => void {
    this.savedListeners.add(listener);
    return () => this.savedListeners.delete(listener);
  }

  private saved(articleId: string, kind: ArticleSavedKind): void {
    for (const listener of this.savedListeners) listener(articleId, kind);
  }

  private stamp(): string {
    return this.now().toISOString();
  }

  /**
   * Read the settings and the index, and check each article file against the size and
   * modification time the index recorded: an unchanged file is trusted until it is opened
   * or the background check reaches it; a changed, new or journaled one is read now.
   * `background`: resolve before the unchanged files have been read (the app's start);
   * otherwise (tests, tools) wait for that check too. `checked` resolves when it is done.
   */
  async init(options: { background?: boolean } = {}): Promise<void> {
    this.loadSettings();
    this.loadIndex();
    const unchanged = this.reconcileArticles();
    if (!this.settings.seeded) {
      const sample = await this.ports.sampleArticle();
      await this.create({ text: sample, outlet: 'Newsmark sample' });
      this.settings.seeded = true;
      this.writeSettings();
    }
    if (this.indexDirty) this.flushIndex();
    this.checked = this.checkInBackground(unchanged);
    if (!options.background) await this.checked;
  }

  /** Resolves once every article file trusted at start has been read, checked and indexed for search. */
  checked: Promise<void> = Promise.resolve();

  /**
   * Read the files trusted at start, one at a time between other work: their texts go to
   * the search index; a file that no longer reads or validates is handled as at open
   * (moved aside, named in the problems, dropped from the library).
   */
  private async checkInBackground(ids: string[]): Promise<void> {
    for (const id of ids) {
      await new Promise((resolve) => setImmediate(resolve));
      if (this.closed) return;
      const summary = this.index.get(id);
      if (!summary || this.loaded.has(id)) continue;
      let text: string | undefined;
      try {
        const raw = JSON.parse(await fs.promises.readFile(path.join(this.ports.dataDir, ARTICLES_DIR, `${id}.json`), 'utf8')) as Record<string, unknown>;
        if (!this.index.has(id) || this.loaded.has(id)) continue;
        const parsed = ArticleFile.safeParse(migrate('article', raw, ARTICLE_VERSION));
        if (parsed.success && parsed.data.article.id === id && annotationProblems(parsed.data.article.text.length, parsed.data.annotations).length === 0) text = parsed.data.article.text;
      } catch {
        // read again below, which says why
      }
      if (this.closed) return;
      if (text !== undefined) {
        this.searchIndex.set(id, text);
        continue;
      }
      const file = path.join(this.ports.dataDir, ARTICLES_DIR, `${id}.json`);
      if (!fs.existsSync(file)) this.problems.push({ store: 'article', file, articleId: id, title: summary.title, reason: 'the article file is missing' });
      if (!this.loadArticle(id, summary.title)) {
        this.index.delete(id);
        this.scheduleIndexWrite();
        for (const listener of this.problemListeners) listener();
      }
    }
  }

  private readonly problemListeners = new Set<() => void>();

  /** Called when the background check finds a file that no longer loads (the window lists the library again). */
  onProblem(listener: () => void): () => void {
    this.problemListeners.add(listener);
    return () => this.problemListeners.delete(listener);
  }

  /** Read a store; on failure move the file aside and record why. Returns undefined then. */
  private readStore<T>(
    store: JsonStore,
    kind: 'settings' | 'library' | 'article',
    version: number,
    schema: { safeParse(v: unknown): { success: true; data: T } | { success: false; error: { issues: { path: PropertyKey[]; message: string }[] } } },
    about: { articleId?: string; title?: string } = {},
  ): T | undefined {
    let reason: string;
    let moveAside = true;
    try {
      const raw = store.read();
      if (Object.keys(raw).length === 0 && !fs.existsSync(store.path)) return undefined;
      const parsed = schema.safeParse(migrate(kind, raw, version));
      if (parsed.success) return parsed.data;
      reason = `does not match the ${kind} schema:\n${formatProblems(zodProblems(parsed.error.issues), 5)}`;
    } catch (error) {
      reason = describeReadError(error);
      if (error instanceof NewerVersionError) moveAside = false;
    }
    const movedTo = moveAside && fs.existsSync(store.path) ? quarantine(store.path, this.now()) : undefined;
    this.problems.push({ store: kind, file: store.path, ...(movedTo ? { movedTo } : {}), ...about, reason });
    return undefined;
  }

  private loadSettings(): void {
    this.settingsStore = this.ports.openStore('', 'settings');
    this.settings = this.readStore(this.settingsStore, 'settings', SETTINGS_VERSION, SettingsFile) ?? {
      schemaVersion: SETTINGS_VERSION,
      user: { id: this.newId(), name: defaultUserName() },
      theme: 'system',
      // A fresh data folder gets the sample; a folder whose settings were lost keeps what it has.
      seeded: fs.existsSync(path.join(this.ports.dataDir, ARTICLES_DIR)),
    };
    this.writeSettings();
  }

  private writeSettings(): void {
    this.settingsStore.write(this.settings);
  }

  private loadIndex(): void {
    this.indexStore = this.ports.openStore('', 'library');
    const file = this.readStore(this.indexStore, 'library', LIBRARY_VERSION, LibraryFile);
    // An index an older Newsmark wrote is written again in this version's shape at start.
    if (file && fs.existsSync(this.indexStore.path)) {
      try {
        if ((this.indexStore.read() as { schemaVersion?: unknown }).schemaVersion !== LIBRARY_VERSION) this.indexDirty = true;
      } catch {
        this.indexDirty = true;
      }
    }
    this.index = new Map((file?.articles ?? []).map((a) => [a.id, a]));
  }

  /**
   * The article files are the truth: the index is rebuilt from whatever of them reads. A file
   * whose size and modification time are those recorded with the index, and that has no
   * journal, is not read here; the others are. Returns the ids left for the background check.
   */
  private reconcileArticles(): string[] {
    const dir = path.join(this.ports.dataDir, ARTICLES_DIR);
    const names = fs.existsSync(dir) ? fs.readdirSync(dir) : [];
    const journals = new Set(names.filter((n) => n.endsWith(JOURNAL_SUFFIX)).map((n) => n.slice(0, -JOURNAL_SUFFIX.length)));
    const recorded = readFileStats(path.join(this.ports.dataDir, FILE_STATS));
    const seen = new Set<string>();
    const unchanged: string[] = [];
    for (const name of names) {
      if (!name.endsWith('.json') || name.includes('.corrupt-')) continue;
      const id = name.slice(0, -'.json'.length);
      const known = this.index.get(id);
      const was = recorded.get(id);
      if (known && was && !journals.has(id)) {
        const now = statOf(path.join(dir, name));
        if (now && now.size === was.size && now.mtimeMs === was.mtimeMs) {
          seen.add(id);
          this.fileStats.set(id, was);
          unchanged.push(id);
          continue;
        }
      }
      this.indexDirty = true;
      const loaded = this.loadArticle(id, known?.title);
      if (!loaded) {
        this.index.delete(id);
        continue;
      }
      seen.add(id);
      this.recordStat(loaded);
      this.index.set(id, summarize(loaded.file, known));
      this.searchIndex.set(id, loaded.file.article.text);
    }
    for (const [id, summary] of this.index) {
      if (!seen.has(id)) {
        this.indexDirty = true;
        this.index.delete(id);
        this.problems.push({
          store: 'article',
          file: path.join(dir, `${id}.json`),
          articleId: id,
          title: summary.title,
          reason: 'the article file is missing',
        });
      }
    }
    this.loaded.clear(); // read again on open; startup only checks them
    return unchanged;
  }

  private journalPath(id: string): string {
    return path.join(this.ports.dataDir, ARTICLES_DIR, `${id}${JOURNAL_SUFFIX}`);
  }

  private loadArticle(id: string, title?: string): LoadedArticle | undefined {
    const store = this.ports.openStore(ARTICLES_DIR, id);
    const snapshot = this.readStore(store, 'article', ARTICLE_VERSION, ArticleFile, { articleId: id, ...(title ? { title } : {}) });
    if (!snapshot) return undefined;
    const journal = new Journal(this.journalPath(id));
    const { file, replayed, dropped } = replay(snapshot, journal.read());
    if (dropped) {
      this.problems.push({
        store: 'journal',
        file: journal.path,
        articleId: id,
        reason: `“${title ?? file.article.title}”: ${dropped}; the article is kept as it was before that change.`,
      });
    }
    const problems = annotationProblems(file.article.text.length, file.annotations);
    if (file.article.id !== id) problems.unshift({ where: '$.article.id', message: `is ${file.article.id}, but the file is named ${id}` });
    if (problems.length > 0) {
      const movedTo = quarantine(store.path, this.now());
      this.problems.push({ store: 'article', file: store.path, movedTo, articleId: id, title: title ?? file.article.title, reason: formatProblems(problems, 5) });
      return undefined;
    }
    const loaded = { store, file, journal };
    // Fold what was replayed into the snapshot now, which also drops a torn or bad tail
    // before anything is appended after it.
    if (replayed > 0 || dropped || journal.size > 0) this.snapshot(loaded);
    return loaded;
  }

  /** Write the article's snapshot (atomically), then empty its journal: a crash between the two replays nothing twice. */
  private snapshot(loaded: LoadedArticle): void {
    loaded.store.write(loaded.file);
    this.recordStat(loaded);
    loaded.journal.clear();
    this.journaled.delete(loaded.file.article.id);
  }

  /** The snapshot's size and mtime as written, saved with the index so the next start can trust it unread. */
  private recordStat(loaded: LoadedArticle): void {
    const stat = statOf(loaded.store.path);
    if (stat) this.fileStats.set(loaded.file.article.id, stat);
    else this.fileStats.delete(loaded.file.article.id);
  }

  private snapshotLater(loaded: LoadedArticle): void {
    this.journaled.add(loaded.file.article.id);
    const max = this.options.journalMaxBytes ?? JOURNAL_MAX_BYTES;
    if (loaded.journal.size > max) {
      // After the reply: the change is already durable in the journal.
      setImmediate(() => {
        if (this.loaded.get(loaded.file.article.id) === loaded && loaded.journal.size > max) this.snapshot(loaded);
      });
    }
    if (this.snapshotTimer) clearTimeout(this.snapshotTimer);
    this.snapshotTimer = setTimeout(() => this.snapshotAll(), SNAPSHOT_IDLE_MS);
    this.snapshotTimer.unref?.();
  }

  /** Fold every journal into its snapshot (idle, and before quitting). */
  snapshotAll(): void {
    if (this.snapshotTimer) clearTimeout(this.snapshotTimer);
    this.snapshotTimer = undefined;
    for (const id of [...this.journaled]) {
      const loaded = this.loaded.get(id);
      if (loaded) this.snapshot(loaded);
      else this.journaled.delete(id);
    }
  }

  private scheduleIndexWrite(): void {
    this.indexDirty = true;
    if (this.indexTimer) return;
    this.indexTimer = setTimeout(() => this.flushIndex(), INDEX_WRITE_DELAY_MS);
  }

  flushIndex(): void {
    if (this.indexTimer) clearTimeout(this.indexTimer);
    this.indexTimer = undefined;
    this.indexStore.write({ schemaVersion: LIBRARY_VERSION, articles: [...this.index.values()] });
    // After the index: a stat recorded beside an older index would vouch for summaries it does not hold.
    writeFileStats(path.join(this.ports.dataDir, FILE_STATS), this.fileStats, this.index);
    this.indexDirty = false;
  }

  /** Write everything pending; call before the app quits. */
  close(): void {
    this.closed = true;
    this.snapshotAll();
    for (const loaded of this.loaded.values()) loaded.journal.close();
    this.flushIndex();
  }

  list(): { articles: ArticleSummary[]; problems: StoreProblem[] } {
    return { articles: [...this.index.values()], problems: [...this.problems] };
  }

  publicSettings(): PublicSettings {
    const { user, theme, lastArticleId, exportPrefs } = this.settings;
    return { user, theme, ...(lastArticleId ? { lastArticleId } : {}), ...(exportPrefs ? { exportPrefs } : {}) };
  }

  updateSettings(request: RequestOf<'settings:update'>): PublicSettings {
    if (request.user) this.settings.user = request.user;
    if (request.theme) this.settings.theme = request.theme;
    if (request.exportPrefs) this.settings.exportPrefs = request.exportPrefs;
    if (request.lastArticleId === null) delete this.settings.lastArticleId;
    else if (request.lastArticleId !== undefined) this.settings.lastArticleId = request.lastArticleId;
    this.writeSettings();
    return this.publicSettings();
  }

  get windowBounds() {
    return this.settings.windowBounds;
  }

  set windowBounds(bounds) {
    if (bounds) this.settings.windowBounds = bounds;
    this.writeSettings();
  }

  /**
   * Add an article (and, from a restored export, its annotations). Everything is checked
   * first; when anything fails nothing is written and the error lists every problem.
   * `extra.brat`: what an imported brat file had beyond annotations, kept for export back to brat.
   */
  async create(request: NewArticle, extra: { brat?: BratKept } = {}): Promise<ArticleSummary> {
    const text = canonicalText(request.text);
    if (text.trim() === '') throw new ServiceError('invalid-request', 'The article has no text.');
    if (text.length > MAX_TEXT_LENGTH) throw new ServiceError('invalid-request', `The article is longer than ${MAX_TEXT_LENGTH} characters.`);
    const head = detectHead(text);
    const source = cleanSource({
      ...request.source,
      ...(request.outlet !== undefined ? { outlet: request.outlet } : {}),
      ...(request.url !== undefined ? { url: request.url } : {}),
    });
    if (!source.published && head.published) source.published = head.published;
    const annotations = request.annotations ?? [];
    const problems = createProblems(request.text, text, source, annotations);
    if (problems.length > 0) {
      throw new ServiceError('invalid-request', `The article cannot be added:\n${formatProblems(problems, 10)}`, problems);
    }
    const at = this.stamp();
    const article: Article = {
      id: this.freeId(request.preferredId),
      title: request.title?.trim() || head.title,
      text,
      source,
      textHash: await textHash(text),
      createdAt: at,
      updatedAt: at,
    };
    const file: ArticleFile = { schemaVersion: ARTICLE_VERSION, revision: 0, article, annotations, orphans: [], ...(extra.brat ? { brat: extra.brat } : {}) };
    const store = this.ports.openStore(ARTICLES_DIR, article.id);
    store.write(file);
    const journal = new Journal(this.journalPath(article.id));
    journal.clear(); // a stray journal under a reused id belongs to nothing
    const loaded = { store, file, journal };
    this.recordStat(loaded);
    this.loaded.set(article.id, loaded);
    this.searchIndex.set(article.id, text);
    const summary = summarize(file);
    this.index.set(article.id, summary);
    // The article file is the truth (the index is rebuilt from the files at start), so a
    // batch of imports rewrites the index once rather than once per file.
    this.scheduleIndexWrite();
    this.saved(article.id, 'created');
    return summary;
  }

  /** The preferred id when it is safe and unused (in the library, the trash and on disk); else a new one. */
  private freeId(preferred: string | undefined): string {
    if (preferred && SAFE_ID.test(preferred) && !this.index.has(preferred)) {
      const dir = path.join(this.ports.dataDir, ARTICLES_DIR);
      const taken = fs.existsSync(dir) && fs.readdirSync(dir).some((n) => n === `${preferred}.json` || n.startsWith(`${preferred}.corrupt-`));
      if (!taken) return preferred;
    }
    return this.newId();
  }

  /** Articles (in the library and in the trash) matching every term of the query; see SearchIndex. */
  search(query: string): SearchMatch[] {
    return this.searchIndex.search(query, this.index.values());
  }

  private get(id: string): LoadedArticle {
    const cached = this.loaded.get(id);
    if (cached) return cached;
    const summary = this.index.get(id);
    if (!summary) throw new ServiceError('not-found', `No article with id ${id} in the library.`);
    const file = path.join(this.ports.dataDir, ARTICLES_DIR, `${id}.json`);
    if (!fs.existsSync(file)) this.problems.push({ store: 'article', file, articleId: id, title: summary.title, reason: 'the article file is missing' });
    const loaded = this.loadArticle(id, summary.title);
    if (!loaded) {
      this.index.delete(id);
      this.scheduleIndexWrite();
      const problem = this.problems[this.problems.length - 1]!;
      throw new ServiceError('io', `“${summary.title}” could not be loaded: ${problem.reason}${problem.movedTo ? `\nThe file was moved to ${problem.movedTo}.` : ''}`);
    }
    this.loaded.set(id, loaded);
    this.searchIndex.set(id, loaded.file.article.text);
    return loaded;
  }

  open(id: string): OpenedArticle {
    const trashed = this.index.get(id);
    if (trashed?.trashedAt) throw new ServiceError('conflict', `“${trashed.title}” is in the trash. Restore it to open it.`);
    const { file } = this.get(id);
    const summary = this.index.get(id)!;
    summary.openedAt = this.stamp();
    this.settings.lastArticleId = id;
    this.writeSettings();
    this.scheduleIndexWrite();
    return { article: file.article, annotations: file.annotations, revision: file.revision, orphans: file.orphans ?? [] };
  }

  /**
   * Rename, or replace the source (the info panel). A field the request changes must be
   * valid (an http(s) URL, a readable date); fields left as they were are not judged again.
   */
  update(request: RequestOf<'article:update'>): ArticleSummary {
    const loaded = this.get(request.id);
    const article = { ...loaded.file.article, updatedAt: this.stamp() };
    const { source, problems } = editedDetails(article.source, request.title, request.source);
    if (problems.length > 0) throw new ServiceError('invalid-request', `The details cannot be saved:\n${formatProblems(problems)}`, problems);
    if (request.title !== undefined) article.title = request.title.trim();
    if (source !== undefined) article.source = source;
    const summary = this.commit(loaded, { ...loaded.file, article });
    this.saved(request.id, 'details');
    return summary;
  }

  private summaryOf(id: string): ArticleSummary {
    const summary = this.index.get(id);
    if (!summary) throw new ServiceError('not-found', `No article with id ${id} in the library.`);
    return summary;
  }

  /** Move to the trash: the file stays, with its annotations, until the trash is emptied. */
  trash(id: string): ArticleSummary {
    const summary = this.summaryOf(id);
    if (!summary.trashedAt) summary.trashedAt = this.stamp();
    this.forgetLastArticle(id);
    this.flushIndex();
    return summary;
  }

  restore(id: string): ArticleSummary {
    const summary = this.summaryOf(id);
    delete summary.trashedAt;
    this.flushIndex();
    return summary;
  }

  /** Delete one article for good: its file goes. */
  delete(id: string): void {
    this.summaryOf(id);
    this.remove(id);
    this.flushIndex();
  }

  /** Delete every article in the trash for good; returns how many. */
  emptyTrash(): number {
    const trashed = [...this.index.values()].filter((a) => a.trashedAt).map((a) => a.id);
    for (const id of trashed) this.remove(id);
    this.flushIndex();
    return trashed.length;
  }

  private remove(id: string): void {
    const loaded = this.loaded.get(id);
    const store = loaded?.store ?? this.ports.openStore(ARTICLES_DIR, id);
    loaded?.journal.close();
    fs.rmSync(store.path, { force: true });
    fs.rmSync(this.journalPath(id), { force: true });
    this.journaled.delete(id);
    this.fileStats.delete(id);
    this.loaded.delete(id);
    this.index.delete(id);
    this.searchIndex.delete(id);
    this.forgetLastArticle(id);
  }

  private forgetLastArticle(id: string): void {
    if (this.settings.lastArticleId !== id) return;
    delete this.settings.lastArticleId;
    this.writeSettings();
  }

  apply(request: RequestOf<'annotations:apply'>): { revision: number; summary: ArticleSummary } {
    const loaded = this.get(request.articleId);
    const { file } = loaded;
    if (request.baseRevision !== file.revision) {
      throw new ServiceError('stale', `This window is behind: it edited revision ${request.baseRevision}, the article is at ${file.revision}. Reopen the article.`);
    }
    let annotations;
    let orphans = file.orphans ?? [];
    try {
      annotations = applyOperation(file.annotations, request.operation);
      if (request.orphans) orphans = applyOrphanChange(orphans, request.orphans);
    } catch (error) {
      if (error instanceof OperationError || error instanceof OrphanError) throw new ServiceError('conflict', error.message);
      throw error;
    }
    const problems = [...annotationProblems(file.article.text.length, annotations), ...orphanProblems(annotations, orphans)];
    if (problems.length > 0) throw new ServiceError('invalid-request', 'The change would leave the annotations inconsistent.', problems);
    const next: ArticleFile = { ...file, revision: file.revision + 1, annotations, orphans, article: { ...file.article, updatedAt: this.stamp() } };
    // Durable before it is acknowledged: one journal line, not the whole article.
    loaded.journal.append({ rev: next.revision, at: next.article.updatedAt, op: request.operation, ...(request.orphans ? { orphans: request.orphans } : {}) });
    loaded.file = next;
    this.snapshotLater(loaded);
    const summary = summarize(next, this.index.get(next.article.id));
    this.index.set(next.article.id, summary);
    this.scheduleIndexWrite();
    this.saved(request.articleId, 'annotations');
    return { revision: next.revision, summary };
  }

  /** A change outside the journal (the details): the whole snapshot, which folds the journal in. */
  private commit(loaded: LoadedArticle, next: ArticleFile): ArticleSummary {
    loaded.file = next;
    this.snapshot(loaded);
    const summary = summarize(next, this.index.get(next.article.id));
    this.index.set(next.article.id, summary);
    this.scheduleIndexWrite();
    return summary;
  }

  article(id: string): ArticleFile {
    return this.get(id).file;
  }

  /** A new version of an article's text; see withNewVersion. One atomic write of the article file. */
  async addVersion(id: string, incoming: IncomingVersion, confirmDifferent = false): Promise<AddVersionResult> {
    const loaded = this.get(id);
    const { next, result } = await withNewVersion(loaded.file, incoming, { now: this.stamp(), confirmDifferent });
    if (!next) return result;
    this.commit(loaded, next);
    this.searchIndex.set(id, next.article.text);
    this.saved(id, 'annotations');
    return result;
  }

  /** Undo the latest version's arrival: the previous text and its annotations come back. */
  undoVersion(id: string, number: number): ArticleSummary {
    const loaded = this.get(id);
    const summary = this.commit(loaded, withoutLatestVersion(loaded.file, number, this.stamp()));
    this.searchIndex.set(id, loaded.file.article.text);
    this.saved(id, 'annotations');
    return summary;
  }

  /** The editor confirmed fuzzily placed annotations of the current version (or all). */
  confirmPlacements(id: string, ids: readonly string[] | 'all'): string[] {
    const loaded = this.get(id);
    const current = currentOf(loaded.file);
    const unconfirmed = ids === 'all' ? [] : current.unconfirmed.filter((x) => !ids.includes(x));
    this.commit(loaded, { ...loaded.file, current: { ...current, unconfirmed } });
    return unconfirmed;
  }
}

/**
 * The snapshot with the journal's changes after it applied in order. Lines at or below the
 * snapshot's revision are already in it; the first line that does not apply (or a torn
 * tail) ends the replay, and everything after it is dropped and reported.
 */
function summarize(file: ArticleFile, kept?: { openedAt?: string; trashedAt?: string }): ArticleSummary {
  const { article } = file;
  const { openedAt, trashedAt } = kept ?? {};
  return {
    id: article.id,
    title: article.title,
    source: article.source,
    counts: countTags(file.annotations),
    length: article.text.length,
    createdAt: article.createdAt,
    updatedAt: article.updatedAt,
    ...(openedAt ? { openedAt } : {}),
    ...(trashedAt ? { trashedAt } : {}),
    ...(file.versions?.length ? { versions: file.versions.length + 1 } : {}),
  };
}

function defaultUserName(): string {
  const name = process.env.USER ?? process.env.USERNAME ?? '';
  return name && name !== 'root' ? name : 'Editor';
}
