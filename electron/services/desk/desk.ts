import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { annotationDocId, articleDocId, checkDeskDoc, DESK_DOC_VERSION, type AnnotationDoc, type ArticleDoc } from '../../../shared/desk/docs';
import type { DeskConflict, DeskLayer, DeskStatus } from '../../../shared/desk/contract';
import { formatProblems } from '../../../shared/issues';
import { makeUpdate, type Operation } from '../../../shared/model/operations';
import type { Annotation, Author } from '../../../shared/model/types';
import { ServiceError } from '../errors';
import type { Library } from '../library';
import type { JsonStore, Ports } from '../ports';
import { quarantine } from '../quarantine';
import { readDeskConfig, type DeskConfigFile } from './desk-config';
import { databaseUrl, deskUrlProblem } from './desk-url';
import { pouchDB, type ChangeRow, type Emitter, type PouchDatabase, type PouchDoc } from './pouch';
import { probeDesk, type Credentials } from './probe';
import { planReconcile, type ReplicaMine } from './reconcile';
import type { SecretBox } from './secret-box';

/** Longest wait between two attempts to reach an unreachable desk (PouchDB's default is 10 minutes). */
const MAX_RETRY_MS = 5_000;
const MAX_REFUSED = 20;
/** While the desk is unreachable, how often Newsmark checks whether it is back (only then). */
const OFFLINE_PROBE_MS = 3_000;
/** The window hears of changes at most this often (a burst of 1,000 annotations is one repaint). */
const NOTIFY_MS = 100;

export interface DeskPorts {
  secrets: SecretBox;
}

interface Layer {
  author: Author;
  annotations: Map<string, Annotation>;
}

/**
 * The desk: this app's replica of the desk database (PouchDB in the data folder) kept in
 * live two-way sync with the desk server over the CouchDB replication protocol, and what
 * Newsmark makes of its documents. Plain Node; see docs/desk.md.
 */
export class Desk {
  private readonly store: JsonStore;
  private config: DeskConfigFile;
  private replica: PouchDatabase | undefined;
  private replicaName = '';
  private sync: Emitter | undefined;
  private feed: Emitter | undefined;
  private state: DeskStatus['state'] = 'off';
  private reason: string | undefined;
  private toSend = 0;
  private toReceive = 0;
  /** My revisions the desk server may not have yet: document id → revision. */
  private readonly unsent = new Map<string, string>();
  private readonly refused: DeskStatus['refused'] = [];
  /** Colleagues' annotations: article → colleague id → annotation id → annotation. */
  private readonly layers = new Map<string, Map<string, Layer>>();
  /** My documents as the replica has them: doc id → revision and content. */
  private readonly mine = new Map<string, ReplicaMine & { articleId: string }>();
  private readonly conflicted = new Set<string>();
  /** Annotation documents that came before their article: checked when it arrives. */
  private readonly waiting = new Map<string, Map<string, PouchDoc>>();
  private queue: Promise<unknown> = Promise.resolve();
  private readonly incoming: ChangeRow[] = [];
  private readonly listeners = new Set<() => void>();
  private notifyTimer: ReturnType<typeof setTimeout> | undefined;
  private offlineTimer: ReturnType<typeof setTimeout> | undefined;
  private closed = false;
  private unsubscribe: (() => void) | undefined;

  constructor(
    private readonly ports: Ports,
    private readonly library: Library,
    private readonly deskPorts: DeskPorts,
  ) {
    this.store = ports.openStore('', 'desk');
    const { config, problem } = readDeskConfig(this.store);
    if (problem && fs.existsSync(this.store.path)) {
      const movedTo = quarantine(this.store.path, new Date());
      this.reason = `desk.json ${problem}\nIt was moved to ${movedTo}; join the desk again in Settings → Desk.`;
      this.state = 'error';
    }
    this.config = config;
  }

  private get me(): Author {
    return this.library.publicSettings().user;
  }

  async start(): Promise<void> {
    this.unsubscribe = this.library.onArticleSaved((id, kind) => this.enqueue(() => this.articleSaved(id, kind)));
    if (this.config.server) await this.connect();
  }

  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private notify(): void {
    if (this.notifyTimer || this.closed) return;
    this.notifyTimer = setTimeout(() => {
      this.notifyTimer = undefined;
      for (const l of this.listeners) l();
    }, NOTIFY_MS);
  }

  /** Run desk work one piece at a time, so the replica and the article files change in order. */
  private enqueue<T>(work: () => Promise<T>): Promise<T> {
    const next = this.queue.then(work, work);
    this.queue = next.catch((error) => console.error('[newsmark] desk', error));
    return next;
  }

  /** Wait for every piece of desk work queued so far (tests, and quitting). */
  idle(): Promise<void> {
    return this.queue.then(() => undefined);
  }

  private writeConfig(): void {
    this.store.write(this.config);
  }

  private credentials(): Credentials | undefined {
    const s = this.config.server;
    if (!s) return undefined;
    let password: string;
    try {
      password = this.deskPorts.secrets.open(s.sealedPassword);
    } catch {
      this.setState('error', 'The desk password could not be decrypted on this computer. Enter it again in Settings → Desk.');
      return undefined;
    }
    return { url: s.url, database: s.database, user: s.user, password };
  }

  status(): DeskStatus {
    const s = this.config.server;
    return {
      state: this.state,
      toSend: this.toSend,
      toReceive: this.toReceive,
      ...(this.reason ? { reason: this.reason } : {}),
      ...(s ? { server: { url: s.url, database: s.database, user: s.user } } : {}),
      shareNew: this.config.shareNew,
      conflicts: this.conflicted.size,
      refused: [...this.refused],
    };
  }

  private setState(state: DeskStatus['state'], reason?: string): void {
    if (this.state === state && this.reason === reason) return;
    this.state = state;
    this.reason = reason;
    this.notify();
  }

  /** Settings → Desk. The address is checked first; a desk that cannot be reached now is joined anyway and synced when it can be. */
  async join(request: Credentials): Promise<DeskStatus> {
    const problem = deskUrlProblem(request.url);
    if (problem) throw new ServiceError('invalid-request', problem, [{ where: '$.url', message: problem }]);
    if (!/^[a-z][a-z0-9_$()+/-]*$/.test(request.database)) {
      const message = 'A desk database name starts with a lowercase letter and has only lowercase letters, digits and _$()+-/.';
      throw new ServiceError('invalid-request', message, [{ where: '$.database', message }]);
    }
    if (!this.deskPorts.secrets.available()) throw new ServiceError('io', 'This computer cannot encrypt the desk password (no keychain), so it is not stored.');
    await this.disconnect();
    // An empty password keeps the stored one (Settings → Desk never shows it), for the same user.
    const kept = request.password === '' && this.config.server?.user === request.user ? this.config.server.sealedPassword : undefined;
    const sealedPassword = kept ?? this.deskPorts.secrets.seal(request.password);
    this.config = { ...this.config, server: { url: request.url, database: request.database, user: request.user, sealedPassword } };
    this.writeConfig();
    await this.connect();
    return this.status();
  }

  async leave(): Promise<DeskStatus> {
    await this.disconnect();
    const { server: _server, ...rest } = this.config;
    this.config = rest;
    this.writeConfig();
    this.setState('off');
    return this.status();
  }

  setShareNew(shareNew: boolean): DeskStatus {
    this.config = { ...this.config, shareNew };
    this.writeConfig();
    this.notify();
    return this.status();
  }

  articles(): { shared: string[]; fromDesk: string[] } {
    return { shared: [...this.config.shared], fromDesk: [...this.config.fromDesk] };
  }

  private isLive(articleId: string): boolean {
    return this.config.shared.includes(articleId) || this.config.fromDesk.includes(articleId);
  }

  /** Open the replica, reconcile it with the article files, then sync with the server. */
  private async connect(): Promise<void> {
    const c = this.credentials();
    if (!c) return;
    const name = createHash('sha256').update(`${c.url}\n${c.database}\n${c.user}`).digest('hex').slice(0, 16);
    if (!this.replica || this.replicaName !== name) {
      const dir = path.join(this.ports.dataDir, 'desk');
      fs.mkdirSync(dir, { recursive: true });
      const PouchDB = pouchDB();
      this.replica = new PouchDB(path.join(dir, `replica-${name}`), { auto_compaction: true });
      this.replicaName = name;
      await this.loadReplica();
    }
    this.setState('syncing');
    const probe = await probeDesk(c);
    if (!probe.ok && probe.kind === 'error') {
      // Wrong password, not a member, no such database: retrying will not help.
      this.setState('error', probe.reason);
      return;
    }
    if (!probe.ok) this.setState('offline', probe.reason);
    this.startSync(c);
  }

  private async disconnect(): Promise<void> {
    this.stopSync();
    await this.idle();
  }

  private startSync(c: Credentials): void {
    const PouchDB = pouchDB();
    const remote = new PouchDB(databaseUrl(c.url, c.database), { auth: { username: c.user, password: c.password }, skip_setup: true });
    // PouchDB 9's replicator calls `info()` on the source after each batch without handling a
    // failure (only for its progress counter): a server gone mid-batch would be an unhandled
    // rejection in main. That one call gets the last answer instead.
    const info = remote.info.bind(remote);
    let lastInfo: Awaited<ReturnType<PouchDatabase['info']>> = { update_seq: 0, doc_count: 0 };
    remote.info = () => info().then((i) => (lastInfo = i), () => lastInfo);
    const sync = this.replica!.sync(remote, {
      live: true,
      retry: true,
      // Larger batches than PouchDB's 100: a first sync of a busy desk is tens of thousands of documents.
      batch_size: 500,
      back_off_function: (delay: number) => (delay === 0 ? 500 : Math.min(delay * 2, MAX_RETRY_MS)),
    });
    this.sync = sync;
    const mine = () => this.sync === sync;
    sync
      .on('change', ((info: { direction: string; change: { docs?: PouchDoc[]; pending?: number } }) => {
        if (!mine()) return;
        if (info.direction === 'push') for (const d of info.change.docs ?? []) if (this.unsent.get(d._id) === d._rev) this.unsent.delete(d._id);
        if (info.direction === 'pull') this.toReceive = info.change.pending ?? 0;
        this.countToSend();
      }) as never)
      .on('active', (() => {
        // PouchDB says active when it retries too: only real progress clears offline.
        if (mine() && this.state !== 'offline') this.setState('syncing');
      }) as never)
      // PouchDB pauses quietly when the server is gone (it retries by itself): each pause is
      // checked with one request, and an unreachable desk is probed until it answers.
      .on('paused', (() => mine() && void this.classify(c)) as never)
      .on('denied', ((error: { doc?: { id?: string; reason?: string } }) => {
        if (mine()) this.refuse(error?.doc?.id ?? '(unknown)', `the desk server refused it: ${error?.doc?.reason ?? 'forbidden'}`);
      }) as never)
      .on('error', (() => mine() && void this.classify(c)) as never);
  }

  /** After a pause: synced, still sending, offline (PouchDB keeps retrying) or an error that needs the editor. */
  private async classify(c: Credentials): Promise<void> {
    const sync = this.sync;
    const probe = await probeDesk(c);
    if (this.sync !== sync || !sync) return;
    if (probe.ok) {
      this.clearOfflineTimer();
      await this.confirmSent(c);
      if (this.state === 'offline' || this.toSend > 0) {
        const backWithNothingToSend = this.state === 'offline' && this.toSend === 0;
        this.setState('syncing');
        // Back from offline, PouchDB may already be paused with nothing to do and say no more:
        // look again shortly, or the status would stay "syncing".
        if (backWithNothingToSend) {
          this.offlineTimer ??= setTimeout(() => {
            this.offlineTimer = undefined;
            if (this.sync === sync) void this.classify(c);
          }, 1000);
        }
      } else {
        this.toReceive = 0;
        this.setState('synced');
      }
      return;
    }
    if (probe.kind === 'error') {
      this.stopSync();
      this.setState('error', probe.reason);
      return;
    }
    this.setState('offline', probe.reason);
    this.offlineTimer ??= setTimeout(() => {
      this.offlineTimer = undefined;
      if (this.sync === sync) void this.classify(c);
    }, OFFLINE_PROBE_MS);
  }

  private clearOfflineTimer(): void {
    if (this.offlineTimer) clearTimeout(this.offlineTimer);
    this.offlineTimer = undefined;
  }

  private stopSync(): void {
    this.clearOfflineTimer();
    this.sync?.cancel();
    this.sync = undefined;
  }

  private countToSend(): void {
    if (this.toSend === this.unsent.size) return;
    this.toSend = this.unsent.size;
    this.notify();
  }

  private written(id: string, rev: string): void {
    this.unsent.set(id, rev);
    this.countToSend();
  }

  /** Ask the server which of my revisions it lacks (`_revs_diff`, a standard endpoint); the rest are sent. */
  private async confirmSent(c: Credentials): Promise<void> {
    if (this.unsent.size === 0) return this.countToSend();
    const asked = new Map(this.unsent);
    const body = Object.fromEntries([...asked].map(([id, rev]) => [id, [rev]]));
    try {
      const response = await fetch(`${databaseUrl(c.url, c.database)}/_revs_diff`, {
        method: 'POST',
        headers: { authorization: `Basic ${Buffer.from(`${c.user}:${c.password}`).toString('base64')}`, 'content-type': 'application/json' },
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(10_000),
      });
      if (!response.ok) return;
      const missing = (await response.json()) as Record<string, { missing?: string[] }>;
      for (const [id, rev] of asked) if (!missing[id]?.missing?.includes(rev) && this.unsent.get(id) === rev) this.unsent.delete(id);
    } catch {
      return;
    }
    this.countToSend();
  }

  private refuse(id: string, reason: string): void {
    this.refused.push({ id, reason, at: new Date().toISOString() });
    if (this.refused.length > MAX_REFUSED) this.refused.shift();
    console.warn(`[newsmark] desk: refused ${id}: ${reason}`);
    this.notify();
  }

  /** Read the whole replica, reconcile every live article, then follow its changes. */
  private async loadReplica(): Promise<void> {
    const db = this.replica!;
    const info = await db.info();
    const all = await db.allDocs({ include_docs: true, conflicts: true });
    await this.enqueue(async () => {
      await this.ingest(all.rows.map((r) => ({ id: r.id, seq: 0, doc: r.doc, changes: [{ rev: r.value.rev }] })));
      for (const id of [...this.config.shared, ...this.config.fromDesk]) await this.reconcile(id);
      // Until the server says otherwise (confirmSent), all of mine may still be waiting to go.
      const me = this.config.server?.user;
      for (const r of all.rows) if (r.doc && r.doc.owner === me) this.unsent.set(r.id, r.value.rev);
      this.countToSend();
    });
    this.feed = db
      .changes({ since: info.update_seq, live: true, include_docs: true, conflicts: true, style: 'all_docs', return_docs: false })
      .on('change', ((row: ChangeRow) => this.arrived(row)) as never);
  }

  /** Changes arrive one by one; they are taken in batches (one queue turn, one notification). */
  private arrived(row: ChangeRow): void {
    this.incoming.push(row);
    if (this.incoming.length > 1) return;
    setImmediate(() => {
      const rows = this.incoming.splice(0);
      void this.enqueue(() => this.ingest(rows));
    });
  }

  /** Documents from the replica (my other machines' and colleagues'): checked, then used. */
  private async ingest(rows: ChangeRow[]): Promise<void> {
    const touched = new Set<string>();
    const mineTouched = new Map<string, Set<string>>();
    for (const row of rows) {
      if (row.id.startsWith('_design/') || row.id.startsWith('_local/')) continue;
      if (row.deleted || row.doc?._deleted) {
        this.forget(row.id, row.doc?._rev ?? row.changes[0]?.rev ?? '', mineTouched);
        touched.add(row.id.split(':')[1] ?? '');
        continue;
      }
      const doc = row.doc;
      if (!doc) continue;
      const articleId = typeof doc.articleId === 'string' ? doc.articleId : undefined;
      if (doc.type === 'annotation' && articleId && !this.articleText(articleId)) {
        // Its spans cannot be checked before its article is here.
        const waiting = this.waiting.get(articleId) ?? new Map<string, PouchDoc>();
        waiting.set(doc._id, doc);
        this.waiting.set(articleId, waiting);
        continue;
      }
      const checked = await checkDeskDoc(doc, (id) => this.articleText(id));
      if (!checked.ok) {
        this.refuse(row.id, formatProblems(checked.problems, 3));
        continue;
      }
      if (checked.doc.type === 'article') await this.receiveArticle(checked.doc, touched, mineTouched);
      else this.receiveAnnotation(checked.doc, touched, mineTouched);
    }
    for (const [articleId, ids] of mineTouched) await this.reconcile(articleId, ids);
    if (touched.size) this.notify();
  }

  private articleText(articleId: string): string | undefined {
    try {
      return this.library.article(articleId).article.text;
    } catch {
      return undefined;
    }
  }

  private async receiveArticle(doc: ArticleDoc, touched: Set<string>, mineTouched: Map<string, Set<string>>): Promise<void> {
    const { article } = doc;
    touched.add(article.id);
    if (this.articleText(article.id) !== undefined) return;
    const summary = await this.library.create({ text: article.text, title: article.title, source: article.source, preferredId: article.id });
    if (summary.id !== article.id) {
      this.library.delete(summary.id);
      this.refuse(doc._id, `an article with id ${article.id} cannot be added here (the id is taken or unsafe)`);
      return;
    }
    if (!this.config.fromDesk.includes(article.id) && !this.config.shared.includes(article.id)) {
      this.config = { ...this.config, fromDesk: [...this.config.fromDesk, article.id] };
      this.writeConfig();
    }
    const waiting = this.waiting.get(article.id);
    this.waiting.delete(article.id);
    if (waiting) {
      for (const w of waiting.values()) {
        const checked = await checkDeskDoc(w, (id) => this.articleText(id));
        if (!checked.ok) this.refuse(w._id, formatProblems(checked.problems, 3));
        else if (checked.doc.type === 'annotation') this.receiveAnnotation(checked.doc, touched, mineTouched);
      }
    }
  }

  private receiveAnnotation(doc: AnnotationDoc, touched: Set<string>, mineTouched: Map<string, Set<string>>): void {
    const a = doc.annotation;
    if (doc._conflicts?.length) this.conflicted.add(doc._id);
    else this.conflicted.delete(doc._id);
    if (doc.owner === this.config.server?.user && a.author.id === this.me.id) {
      this.mine.set(doc._id, { rev: doc._rev ?? '', deleted: false, annotation: a, articleId: doc.articleId });
      const set = mineTouched.get(doc.articleId) ?? new Set<string>();
      set.add(doc._id);
      mineTouched.set(doc.articleId, set);
      return;
    }
    const byAuthor = this.layers.get(doc.articleId) ?? new Map<string, Layer>();
    this.layers.set(doc.articleId, byAuthor);
    // Moving between authors is impossible for one writer; drop it from any other layer anyway.
    for (const [authorId, layer] of byAuthor) if (authorId !== a.author.id) layer.annotations.delete(a.id);
    const layer = byAuthor.get(a.author.id) ?? { author: a.author, annotations: new Map() };
    layer.author = a.author; // a renamed colleague keeps their id
    layer.annotations.set(a.id, a);
    byAuthor.set(a.author.id, layer);
    touched.add(doc.articleId);
  }

  private forget(docId: string, rev: string, mineTouched: Map<string, Set<string>>): void {
    const [kind, articleId, annotationId] = docId.split(':');
    if (kind !== 'ann' || !articleId || !annotationId) return;
    this.conflicted.delete(docId);
    const known = this.mine.get(docId);
    if (known) {
      this.mine.set(docId, { rev, deleted: true, articleId });
      const set = mineTouched.get(articleId) ?? new Set<string>();
      set.add(docId);
      mineTouched.set(articleId, set);
      return;
    }
    for (const layer of this.layers.get(articleId)?.values() ?? []) layer.annotations.delete(annotationId);
  }

  /** Bring my annotations on one article and my documents in the replica together (reconcile.ts). */
  private async reconcile(articleId: string, only?: Set<string>): Promise<void> {
    if (!this.replica || !this.isLive(articleId)) return;
    let file;
    try {
      file = this.library.article(articleId);
    } catch {
      return;
    }
    const docIdOf = (annotationId: string) => annotationDocId(articleId, annotationId);
    const replica = new Map([...this.mine].filter(([, m]) => m.articleId === articleId));
    const fileMap = new Map(file.annotations.map((a) => [a.id, a]));
    const plan = planReconcile(docIdOf, fileMap, replica, this.config.applied, only);
    const applied = { ...this.config.applied, ...plan.agreed };
    if (plan.toFile.length) {
      const ops: Operation[] = [];
      const at = new Date().toISOString();
      const current = new Map(fileMap);
      for (const change of plan.toFile) {
        if (change.kind === 'remove') {
          const a = current.get(change.id);
          if (a) ops.push({ type: 'remove', annotation: a });
          current.delete(change.id);
        } else {
          const before = current.get(change.annotation.id);
          const { id: _id, createdAt: _c, updatedAt: _u, ...patch } = change.annotation;
          ops.push(before ? makeUpdate(before, patch, change.annotation.updatedAt || at) : { type: 'add', annotation: change.annotation });
          current.set(change.annotation.id, change.annotation);
        }
      }
      try {
        this.library.apply({ articleId, baseRevision: file.revision, operation: ops.length === 1 ? ops[0]! : { type: 'batch', ops } });
        for (const change of plan.toFile) {
          const id = docIdOf(change.kind === 'remove' ? change.id : change.annotation.id);
          applied[id] = this.mine.get(id)!.rev;
        }
      } catch (error) {
        this.refuse(`article:${articleId}`, `my annotations from another machine could not be applied: ${(error as Error).message}`);
      }
    }
    if (plan.toReplica.length) {
      const docs: PouchDoc[] = plan.toReplica.map((w) =>
        'remove' in w
          ? { _id: w.id, _rev: w.rev, _deleted: true }
          : ({ _id: w.id, ...(w.rev ? { _rev: w.rev } : {}), type: 'annotation', owner: this.config.server!.user, v: DESK_DOC_VERSION, articleId, annotation: w.annotation } satisfies Omit<AnnotationDoc, '_id'> & { _id: string } as PouchDoc),
      );
      const results = await this.replica.bulkDocs(docs);
      for (const [i, r] of results.entries()) {
        const w = plan.toReplica[i]!;
        if (!r.rev) {
          this.refuse(w.id, `could not be written to the replica: ${r.reason ?? r.error}`);
          continue;
        }
        applied[w.id] = r.rev;
        this.written(w.id, r.rev);
        this.mine.set(w.id, 'remove' in w ? { rev: r.rev, deleted: true, articleId } : { rev: r.rev, deleted: false, annotation: w.annotation, articleId });
      }
    }
    this.config = { ...this.config, applied };
    this.writeConfig();
  }

  private async articleSaved(articleId: string, kind: 'created' | 'annotations' | 'details'): Promise<void> {
    if (kind === 'created' && this.config.shareNew && this.config.server && !this.config.fromDesk.includes(articleId)) {
      await this.shareNow(articleId);
      return;
    }
    if (kind === 'annotations') await this.reconcile(articleId);
  }

  /** Share an article: its document, then my annotations on it; from then on they go as I make them. */
  share(articleId: string): Promise<{ shared: true }> {
    if (!this.config.server) throw new ServiceError('conflict', 'Join a desk first (Settings → Desk).');
    this.library.article(articleId); // not-found for an unknown article
    return this.enqueue(async () => {
      await this.shareNow(articleId);
      return { shared: true as const };
    });
  }

  private async shareNow(articleId: string): Promise<void> {
    if (!this.replica) throw new ServiceError('conflict', 'The desk is not open yet.');
    const { article } = this.library.article(articleId);
    const id = articleDocId(articleId);
    const existing = await this.replica.get(id).catch(() => undefined);
    if (!existing) {
      const doc: ArticleDoc = { _id: id, type: 'article', owner: this.config.server!.user, v: DESK_DOC_VERSION, sharedBy: this.me, sharedAt: new Date().toISOString(), article };
      const [r] = await this.replica.bulkDocs([doc as unknown as PouchDoc]);
      if (r?.rev) this.written(id, r.rev);
    }
    if (!this.config.shared.includes(articleId) && !this.config.fromDesk.includes(articleId)) {
      this.config = { ...this.config, shared: [...this.config.shared, articleId] };
      this.writeConfig();
    }
    await this.reconcile(articleId);
    this.notify();
  }

  layersOf(articleId: string): DeskLayer[] {
    const byAuthor = this.layers.get(articleId);
    if (!byAuthor) return [];
    const text = this.articleText(articleId);
    return [...byAuthor.values()]
      .filter((l) => l.annotations.size > 0)
      .map((l) => {
        const annotations = [...l.annotations.values()];
        // Links to annotations that have not arrived (or were deleted) are left out of the layer.
        const ids = new Set(annotations.map((a) => a.id));
        return {
          author: l.author,
          annotations: annotations
            .filter((a) => text === undefined || a.spans.every((s) => s.end <= text.length))
            .map((a) => (a.links.every((x) => ids.has(x)) ? a : { ...a, links: a.links.filter((x) => ids.has(x)) })),
        };
      })
      .sort((a, b) => a.author.name.localeCompare(b.author.name));
  }

  async conflicts(): Promise<DeskConflict[]> {
    const out: DeskConflict[] = [];
    for (const docId of this.conflicted) {
      const doc = await this.replica!.get(docId, { conflicts: true }).catch(() => undefined);
      if (!doc) continue;
      const revs = [doc._rev!, ...(doc._conflicts ?? [])];
      const versions = await Promise.all(
        revs.map(async (rev) => {
          const v = await this.replica!.get(docId, { rev }).catch(() => undefined);
          return { rev, annotation: (v?.annotation as Annotation | undefined) ?? null };
        }),
      );
      out.push({ docId, articleId: docId.split(':')[1]!, versions });
    }
    return out;
  }

  /** Keep one version of a conflicted document: the others are deleted on their branches, so every machine agrees. */
  resolve(docId: string, keepRev: string): Promise<Record<string, never>> {
    return this.enqueue(async () => {
      const doc = await this.replica!.get(docId, { conflicts: true });
      const revs = [doc._rev!, ...(doc._conflicts ?? [])];
      if (!revs.includes(keepRev)) throw new ServiceError('not-found', `${docId} has no version ${keepRev}.`);
      const kept = await this.replica!.get(docId, { rev: keepRev });
      const losers = revs.filter((r) => r !== keepRev).map((rev) => ({ _id: docId, _rev: rev, _deleted: true }));
      for (const r of await this.replica!.bulkDocs(losers)) if (r.rev) this.written(r.id, r.rev);
      // Write the kept content as the newest revision on the surviving branch, so it is the winner everywhere.
      const { _conflicts: _c, ...body } = kept;
      const [r] = await this.replica!.bulkDocs([body]);
      if (r?.rev) this.written(docId, r.rev);
      this.conflicted.delete(docId);
      return {};
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    this.unsubscribe?.();
    if (this.notifyTimer) clearTimeout(this.notifyTimer);
    this.stopSync();
    this.feed?.cancel();
    await this.idle();
    await this.replica?.close();
    this.replica = undefined;
  }
}
