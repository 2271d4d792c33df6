/**
 * The HTTP client: the access token lives in memory only, the refresh token in localStorage.
 * A 401 TOKEN_EXPIRED refreshes once (one refresh in flight per tab, serialised across tabs
 * with a Web Lock so two tabs never spend the same refresh token) and retries the request.
 */
export interface FieldError {
  field: string;
  messages: string[];
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: FieldError[] = [],
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export interface SessionTokens {
  accessToken: string;
  refreshToken: string;
}

const REFRESH_KEY = 'jiebang.refreshToken';
let accessToken: string | null = null;
let refreshing: Promise<string | null> | null = null;
let serverOffsetMs = 0;
const listeners = new Set<() => void>();

function notify(): void {
  listeners.forEach((listener) => listener());
}

export const session = {
  active: (): boolean => accessToken !== null || localStorage.getItem(REFRESH_KEY) !== null,
  accessToken: (): string | null => accessToken,
  start(tokens: SessionTokens): void {
    accessToken = tokens.accessToken;
    localStorage.setItem(REFRESH_KEY, tokens.refreshToken);
    notify();
  },
  clear(): void {
    accessToken = null;
    localStorage.removeItem(REFRESH_KEY);
    notify();
  },
  /** Signs out here and revokes the sign-in on the server (best effort: the local session ends regardless). */
  async end(): Promise<void> {
    const refreshToken = localStorage.getItem(REFRESH_KEY);
    session.clear();
    if (refreshToken) await send('POST', '/api/auth/logout', { refreshToken }, null).catch(() => undefined);
  },
  subscribe(listener: () => void): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
  /** A refreshed access token, or null when the sign-in is over (the session is then cleared). */
  refresh(): Promise<string | null> {
    refreshing ??= withLock(refreshNow).finally(() => (refreshing = null));
    return refreshing;
  },
};

/** The server's clock as this tab best knows it (from the Date header of the last answer). */
export function serverNow(): number {
  return Date.now() + serverOffsetMs;
}

function withLock<T>(task: () => Promise<T>): Promise<T> {
  return typeof navigator !== 'undefined' && navigator.locks ? navigator.locks.request('jiebang.refresh', task) : task();
}

async function refreshNow(): Promise<string | null> {
  // Read inside the lock: another tab may have rotated the token meanwhile.
  const refreshToken = localStorage.getItem(REFRESH_KEY);
  if (!refreshToken) return null;
  const response = await send('POST', '/api/auth/refresh', { refreshToken }, null);
  if (response.status === 401 || response.status === 400) {
    session.clear();
    return null;
  }
  if (!response.ok) throw await toError(response);
  const tokens = (await response.json()) as SessionTokens;
  accessToken = tokens.accessToken;
  localStorage.setItem(REFRESH_KEY, tokens.refreshToken);
  return accessToken;
}

async function send(method: string, path: string, body: unknown, token: string | null, extra: Record<string, string> = {}): Promise<Response> {
  const headers: Record<string, string> = { accept: 'application/json', ...extra };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (token) headers.authorization = `Bearer ${token}`;
  let response: Response;
  try {
    response = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  } catch (error) {
    throw new ApiError(0, 'NETWORK_ERROR', error instanceof Error ? error.message : String(error));
  }
  // The Date header has whole seconds: the server's clock is within [date, date + 1 s). Follow it only
  // when this tab is off by more than that, so a countdown does not jitter with every answer.
  const date = response.headers.get('date');
  const estimate = date ? Date.parse(date) + 500 - Date.now() : serverOffsetMs;
  if (Math.abs(estimate - serverOffsetMs) > 1000) serverOffsetMs = estimate;
  return response;
}

async function toError(response: Response): Promise<ApiError> {
  const text = await response.text();
  try {
    const body = JSON.parse(text) as { code?: string; message?: string | string[]; details?: FieldError[] };
    const message = Array.isArray(body.message) ? body.message.join('; ') : (body.message ?? response.statusText);
    return new ApiError(response.status, body.code ?? `HTTP_${response.status}`, message, body.details ?? []);
  } catch {
    return new ApiError(response.status, `HTTP_${response.status}`, text || response.statusText);
  }
}

async function request<T>(method: string, path: string, body?: unknown, headers?: Record<string, string>): Promise<T> {
  if (accessToken === null && localStorage.getItem(REFRESH_KEY) !== null) await session.refresh();
  const sentWith = accessToken;
  let response = await send(method, path, body, sentWith, headers);
  if (response.status === 401 && sentWith !== null) {
    const error = await toError(response);
    // TOKEN_REVOKED: the session ended elsewhere; the refresh then fails too and signs this tab out.
    if (error.code !== 'TOKEN_EXPIRED' && error.code !== 'TOKEN_INVALID' && error.code !== 'TOKEN_REVOKED') throw error;
    // Another request may have refreshed already; otherwise refresh now. Signed out: go on anonymously.
    const token = accessToken !== sentWith ? accessToken : await session.refresh();
    response = await send(method, path, body, token, headers);
  }
  if (!response.ok) throw await toError(response);
  if (response.status === 204) return undefined as T;
  const type = response.headers.get('content-type') ?? '';
  return (type.includes('json') ? await response.json() : await response.text()) as T;
}

export const api = {
  get: <T>(path: string) => request<T>('GET', path),
  post: <T>(path: string, body?: unknown, headers?: Record<string, string>) => request<T>('POST', path, body ?? {}, headers),
  put: <T>(path: string, body: unknown, headers?: Record<string, string>) => request<T>('PUT', path, body, headers),
  patch: <T>(path: string, body: unknown) => request<T>('PATCH', path, body),
  delete: <T>(path: string) => request<T>('DELETE', path),
};

/** `?a=1&b=x` from the defined, non-empty values. */
export function query(params: Record<string, string | number | boolean | undefined | null>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== '') search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}
