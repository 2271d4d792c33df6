import { useQuery, useQueryClient } from '@tanstack/react-query';
import { createContext, useCallback, useContext, useMemo, useSyncExternalStore, type ReactNode } from 'react';
import { api, session, type SessionTokens } from '../api/client';
import type { Me } from '../api/types';

export type Role = 'signedIn' | 'admin' | 'enterprise';

interface AuthValue {
  me: Me | null;
  loading: boolean;
  /** Starts the session; what was read signed out is refetched in the background (the caller navigates at once). */
  signIn(tokens: SessionTokens): void;
  signOut(): Promise<void>;
}

const AuthContext = createContext<AuthValue | null>(null);

export function hasRole(me: Me, role: Role): boolean {
  switch (role) {
    case 'signedIn':
      return true;
    case 'admin':
      return me.roles.includes('ADMIN');
    case 'enterprise':
      return me.organisations.some((org) => org.kind === 'ENTERPRISE');
  }
}

export function AuthProvider({ children }: { children: ReactNode }) {
  const active = useSyncExternalStore(session.subscribe, session.active);
  const queryClient = useQueryClient();
  const me = useQuery({ queryKey: ['me'], queryFn: () => api.get<Me>('/api/auth/me'), enabled: active, staleTime: 60_000 });

  const signIn = useCallback(
    (tokens: SessionTokens) => {
      session.start(tokens);
      // Not awaited: waiting for every refetch before moving on would let the user act on the next
      // page first and then be taken back by a late navigation.
      void queryClient.invalidateQueries();
    },
    [queryClient],
  );
  const signOut = useCallback(async () => {
    await session.end();
    queryClient.clear();
  }, [queryClient]);

  const value = useMemo<AuthValue>(
    () => ({ me: active ? (me.data ?? null) : null, loading: active && me.isPending, signIn, signOut }),
    [active, me.data, me.isPending, signIn, signOut],
  );
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): AuthValue {
  const value = useContext(AuthContext);
  if (!value) throw new Error('useAuth is used outside AuthProvider');
  return value;
}
