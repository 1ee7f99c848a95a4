/** The signed-in user (or null), loaded once from `me` and refreshed after sign-in, sign-out and org changes. */
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { ResponseOf } from '../../../src/api/contract.js';
import { call, onUnauthenticated } from './client.js';

export type Me = ResponseOf<'me'>;

interface Session {
  /** undefined while loading, null when signed out. */
  readonly me: Me | null | undefined;
  readonly setMe: (me: Me | null) => void;
  readonly refresh: () => Promise<void>;
}

const SessionContext = createContext<Session>({ me: undefined, setMe: () => undefined, refresh: async () => undefined });

export function SessionProvider({ children }: { readonly children: ReactNode }) {
  const [me, setMe] = useState<Me | null | undefined>(undefined);
  const refresh = useCallback(async () => {
    try {
      setMe(await call('me', {}));
    } catch {
      // Signed out (401) or the server cannot be reached: either way the sign-in page is next.
      setMe(null);
    }
  }, []);
  useEffect(() => {
    void refresh();
    return onUnauthenticated(() => setMe(null));
  }, [refresh]);
  const value = useMemo(() => ({ me, setMe, refresh }), [me, refresh]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): Session {
  return useContext(SessionContext);
}
