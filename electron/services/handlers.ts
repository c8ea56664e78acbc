import { formatProblems, zodProblems } from '../../shared/issues';
import { contract, isChannel, type Channel, type Envelope, type RequestOf, type ResponseOf } from '../../shared/ipc/contract';
import { ServiceError } from './errors';
import { importChannels } from './import/import-channels';
import { Desk } from './desk/desk';
import { keyFileSecretBox } from './desk/secret-box';
import { Library } from './library';
import type { Ports } from './ports';
import { Reviews } from './reviews';
import { exportAll, exportOne } from './transfer/export';
import { importAsArticle, importOnto } from './transfer/import';
import { versionChannelsImpl } from './version-channels';

type Implementations = { [C in Channel]: (request: RequestOf<C>) => Promise<ResponseOf<C>> | ResponseOf<C> };

export interface Handlers {
  /** Validate and run one request; never throws: every outcome is an envelope. */
  handle(channel: unknown, payload: unknown): Promise<Envelope<unknown>>;
  readonly library: Library;
  readonly reviews: Reviews;
  readonly desk: Desk;
  /** Write what is pending and stop syncing; call before quitting. */
  close(): Promise<void>;
}

/**
 * The main process's side of the contract, as plain Node. Electron's ipcMain and the
 * browser host's exposed binding both call `handle`, so tests exercise the real thing.
 */
export async function createHandlers(ports: Ports): Promise<Handlers> {
  const library = new Library(ports);
  // The window can show the library before every article file has been read (see Library.init).
  await library.init({ background: true });
  const reviews = new Reviews(ports, library);
  const desk = new Desk(ports, library, { secrets: ports.secrets ?? keyFileSecretBox(ports.dataDir) });
  reviews.liveLayers = (articleId) => desk.layersOf(articleId);
  await desk.start();

  const implementations: Implementations = {
    'library:list': () => library.list(),
    'article:create': (r) => library.create(r),
    'article:open': (r) => library.open(r.id),
    'article:update': (r) => library.update(r),
    'article:trash': (r) => library.trash(r.id),
    'article:restore': (r) => library.restore(r.id),
    'article:delete': (r) => (library.delete(r.id), reviews.delete(r.id), {}),
    'annotations:apply': (r) => library.apply(r),
    'annotations:export': (r) => exportOne(library, ports, r),
    'annotations:export-all': (r) => exportAll(library, ports, r),
    'annotations:import': (r) => importOnto(library, ports, r),
    'annotations:import-article': () => importAsArticle(library, ports),
    'trash:empty': () => {
      // An article deleted for good takes its review with it.
      const trashed = library.list().articles.filter((a) => a.trashedAt).map((a) => a.id);
      const deleted = library.emptyTrash();
      for (const id of trashed) reviews.delete(id);
      return { deleted };
    },
    'library:search': async (r) => {
      await library.checked; // every text is in the search index
      return { matches: library.search(r.query) };
    },
    ...importChannels(library, ports.dialogs),
    ...versionChannelsImpl(library, ports),
    'settings:get': () => library.publicSettings(),
    'settings:update': (r) => library.updateSettings(r),
    'review:get': (r) => reviews.get(r.articleId),
    'review:status': (r) => reviews.status(r.articleId),
    'review:load': (r) => reviews.load(r.articleId),
    'review:decide': (r) => (reviews.decide(r), {}),
    'review:update': (r) => (reviews.update(r), {}),
    'review:remove': (r) => reviews.remove(r),
    'review:export-report': (r) => reviews.exportReport(r),
    'desk:status': () => desk.status(),
    'desk:join': (r) => desk.join(r),
    'desk:leave': () => desk.leave(),
    'desk:settings': (r) => desk.setShareNew(r.shareNew),
    'desk:share': (r) => desk.share(r.articleId),
    'desk:articles': () => desk.articles(),
    'desk:layers': (r) => ({ layers: desk.layersOf(r.articleId) }),
    'desk:conflicts': async () => ({ conflicts: await desk.conflicts() }),
    'desk:resolve': (r) => desk.resolve(r.docId, r.rev),
  };

  async function handle(channel: unknown, payload: unknown): Promise<Envelope<unknown>> {
    if (!isChannel(channel)) {
      return { ok: false, error: { code: 'unknown-channel', message: `Unknown channel ${JSON.stringify(String(channel)).slice(0, 100)}` } };
    }
    const parsed = contract[channel].request.safeParse(payload);
    if (!parsed.success) {
      const problems = zodProblems(parsed.error.issues);
      return {
        ok: false,
        error: { code: 'invalid-request', message: `Invalid request on ${channel}:\n${formatProblems(problems, 5)}`, problems },
      };
    }
    try {
      const run = implementations[channel] as (request: unknown) => unknown;
      return { ok: true, value: await run(parsed.data) };
    } catch (error) {
      if (error instanceof ServiceError) {
        return { ok: false, error: { code: error.code, message: error.message, ...(error.problems.length ? { problems: error.problems } : {}) } };
      }
      console.error(`[newsmark] ${channel} failed`, error);
      return { ok: false, error: { code: 'internal', message: `Newsmark hit an unexpected error on ${channel}: ${(error as Error)?.message ?? error}` } };
    }
  }

  async function close(): Promise<void> {
    await desk.close();
    library.close();
  }

  return { handle, library, reviews, desk, close };
}
