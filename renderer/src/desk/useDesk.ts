import { useCallback, useEffect, useState } from 'react';
import type { DeskStatus } from '../../../shared/desk/contract';
import { api } from '../api';
import { onAppCommand } from '../common/commands';

export interface DeskArticles {
  shared: ReadonlySet<string>;
  fromDesk: ReadonlySet<string>;
}

/** The desk's status and which articles are on it, refreshed whenever main says the desk changed. */
export function useDesk() {
  const [status, setStatus] = useState<DeskStatus | null>(null);
  const [articles, setArticles] = useState<DeskArticles>({ shared: new Set(), fromDesk: new Set() });
  const refresh = useCallback(async () => {
    const [s, a] = await Promise.all([api().invoke('desk:status', {}), api().invoke('desk:articles', {})]);
    setStatus(s);
    setArticles({ shared: new Set(a.shared), fromDesk: new Set(a.fromDesk) });
  }, []);
  useEffect(() => {
    void refresh().catch(() => undefined);
    return onAppCommand((command) => {
      if (command !== 'desk-changed') return false;
      void refresh().catch(() => undefined);
      return false; // others (the library, a live review) listen too
    });
  }, [refresh]);
  return { status, articles, refresh, setStatus };
}

/** What the header says: synced / syncing (n to send, m to receive) / offline / error, with the reason. */
export function statusText(s: DeskStatus): string {
  switch (s.state) {
    case 'off':
      return 'Desk: off';
    case 'synced':
      return 'Desk: synced';
    case 'syncing': {
      const parts = [s.toSend ? `${s.toSend} to send` : '', s.toReceive ? `${s.toReceive} to receive` : ''].filter(Boolean);
      return `Desk: syncing${parts.length ? ` (${parts.join(', ')})` : ''}`;
    }
    case 'offline':
      return `Desk: offline${s.toSend ? ` (${s.toSend} to send)` : ''}`;
    case 'error':
      return 'Desk: error';
  }
}
