import { useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { ResponseOf } from '../../../shared/ipc/contract';
import { versionHeading } from '../../../shared/versions/history';
import type { SentenceChange } from '../../../shared/versions/types';
import { api, errorMessage } from '../api';
import { announce } from '../common/announcer';
import type { ArticleTextHandle } from '../article/ArticleText';
import { ChangesPanel } from './ChangesPanel';
import { VersionDialog } from './VersionDialog';
import './versions.css';

type List = ResponseOf<'versions:list'>;

interface Options {
  articleId: string;
  textRef: React.RefObject<ArticleTextHandle | null>;
  /** Before anything is read from main: every pending annotation change saved. */
  whenSaved(): Promise<void>;
  /** The article's text changed (a new version, or one undone): open it again. */
  onReopen(): void;
  onNotice(message: string, kind?: 'info' | 'error'): void;
}

/** Versions of the open article: the header line, File → New Version…, the changes panel, earlier versions read-only. */
export function useVersions(o: Options) {
  const [list, setList] = useState<List | null>(null);
  const [changes, setChanges] = useState<SentenceChange[] | null>(null);
  const [viewing, setViewing] = useState<ResponseOf<'versions:open'> | null>(null);
  const { articleId, textRef, onReopen, onNotice, whenSaved } = o;

  useEffect(() => {
    let live = true;
    void (async () => {
      const l = await api().invoke('versions:list', { articleId });
      if (!live) return;
      setList(l);
      if (l.versions.length > 1) {
        const d = await api().invoke('versions:changes', { articleId, from: l.current - 1, to: l.current });
        if (!live) return;
        setChanges(d.changes);
        // added sentences underlined in the text (the panel names each change in words)
        textRef.current?.painter.setOverlay('nm-version-added', d.changes.flatMap((c) => (c.kind !== 'removed' && c.new ? [c.new] : [])));
      }
    })().catch((e) => onNotice(`Could not read the versions: ${errorMessage(e)}`, 'error'));
    return () => {
      live = false;
    };
  }, [articleId, onNotice, textRef]);

  const addVersion = useCallback(async () => {
    try {
      await whenSaved();
      let r = await api().invoke('versions:add', { articleId });
      if ('status' in r && r.status === 'different') {
        const ok = window.confirm(
          `${r.file} shares almost nothing with this article (${r.sharedSentences} sentences in common, ${r.counts.exact + r.counts.fuzzy} of ${r.counts.total} annotations would place). It looks like a different article.\n\nAdd it as a new version anyway?`,
        );
        if (!ok) return onNotice('Nothing changed: the file was not added as a new version.');
        r = await api().invoke('versions:add', { articleId, confirm: r.token });
      }
      if ('canceled' in r) return;
      if (r.status === 'failed') return onNotice(`${r.file}: ${r.reason}`, 'error');
      if (r.status === 'identical') return onNotice(`${r.file} has the same text as this version: nothing changed.`);
      if (r.status === 'added') {
        const c = r.counts;
        const msg = `Version ${r.number} from ${r.file}: ${c.exact} annotations placed exactly, ${c.fuzzy} fuzzily (marked until confirmed), ${c.unplaced} unplaced. ${r.changes.added} added, ${r.changes.removed} removed, ${r.changes.reworded} reworded sentences${r.changes.quotes ? `, ${r.changes.quotes} reworded direct quote${r.changes.quotes === 1 ? '' : 's'}` : ''}.`;
        announce(msg);
        onNotice(msg);
        onReopen();
      }
    } catch (e) {
      onNotice(`Could not add the new version: ${errorMessage(e)}`, 'error');
    }
  }, [articleId, onNotice, onReopen, whenSaved]);

  const undo = useCallback(async () => {
    if (!list) return;
    try {
      await whenSaved();
      const r = await api().invoke('versions:undo', { articleId, number: list.current });
      onNotice(`New version undone: this is version ${r.current} again.`);
      onReopen();
    } catch (e) {
      onNotice(`Could not undo the new version: ${errorMessage(e)}`, 'error');
    }
  }, [articleId, list, onNotice, onReopen, whenSaved]);

  const exportHistory = useCallback(async () => {
    try {
      const r = await api().invoke('versions:export', { articleId });
      if ('path' in r) onNotice(`Version history written to ${r.files.join(' and ')}`);
    } catch (e) {
      onNotice(`Could not export the versions: ${errorMessage(e)}`, 'error');
    }
  }, [articleId, onNotice]);

  const openVersion = useCallback(
    async (n: number) => {
      try {
        setViewing(await api().invoke('versions:open', { articleId, number: n }));
      } catch (e) {
        onNotice(`Could not open version ${n}: ${errorMessage(e)}`, 'error');
      }
    },
    [articleId, onNotice],
  );

  const showChange = useCallback(
    (c: SentenceChange) => {
      textRef.current?.scrollToOffset(c.at);
      textRef.current?.painter.setOverlay('nm-find-current', c.new ? [c.new] : []);
      announce(c.quote ? 'Reworded direct quote: the words inside the quotation marks changed' : `${c.kind} sentence`);
    },
    [textRef],
  );

  const heading: ReactNode = useMemo(() => {
    if (!list || list.versions.length < 2) return null;
    const first = list.versions[0]!;
    const mine = list.versions.find((v) => v.number === list.current)!;
    return <p className="version-heading">{versionHeading(list.current, list.versions.length, first.addedAt, mine.addedAt)}</p>;
  }, [list]);

  const panel: ReactNode =
    list && changes && list.versions.length > 1 ? (
      <ChangesPanel
        from={list.current - 1}
        to={list.current}
        changes={changes}
        versions={list.versions.length}
        canUndo={list.current === list.versions.length}
        onShow={showChange}
        onUndo={() => void undo()}
        onOpenVersion={(n) => void openVersion(n)}
      />
    ) : null;
  const dialog = viewing ? <VersionDialog version={viewing} onClose={() => setViewing(null)} /> : null;
  return { heading, panel, dialog, addVersion, exportHistory, unconfirmed: list?.unconfirmed ?? [] };
}
