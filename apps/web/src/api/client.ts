// HTTP client for the public API: bearer access token kept in memory only; the refresh token lives in an
// HttpOnly, SameSite=Strict cookie scoped to /v1/auth that no script can read (the server sets it when a request
// says `refreshTokenInCookie: true`), so a reload or a second tab stays signed in. localStorage keeps only a
// "signed in" hint, never a token. Refresh tokens rotate and reuse of a rotated one revokes the whole family, so
// refreshes are serialised: one in flight per tab, and across tabs through the Web Locks API; a request that got
// 401 is retried exactly once after a successful refresh.
import type { TokenPair } from './types';

export interface ProblemFieldError {
  field: string;
  message: string;
}
export interface Problem {
  type?: string;
  title?: string;
  status: number;
  detail?: string;
  instance?: string;
  code?: string;
  errorId?: string;
  errors?: ProblemFieldError[];
  /** `duplicate`: the contract that already holds the same file. */
  contractId?: string;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly problem: Problem,
  ) {
    super(problem.detail || problem.title || `HTTP ${status}`);
    this.name = 'ApiError';
  }
  get code(): string | undefined {
    return this.problem.code;
  }
}

/** Thrown when the server cannot be reached at all. */
export class NetworkError extends Error {
  constructor(cause?: unknown) {
    super('network');
    this.name = 'NetworkError';
    this.cause = cause;
  }
}

/** Not a secret: "this browser has a session cookie", so an anonymous visit skips the refresh call. */
const SESSION_HINT_KEY = 'contract-bank.session';
/** Where older versions kept the refresh token itself: moved into the cookie on the next refresh. */
const LEGACY_REFRESH_KEY = 'contract-bank.refreshToken';
let accessToken: string | null = null;
let refreshInFlight: Promise<boolean> | null = null;

type Listener = () => void;
const signedOutListeners = new Set<Listener>();
const readOnlyListeners = new Set<Listener>();

export function onSignedOut(fn: Listener): () => void {
  signedOutListeners.add(fn);
  return () => signedOutListeners.delete(fn);
}
/** Called when a write answers 402 `subscription_required`: the tenant is read-only. */
export function onSubscriptionRequired(fn: Listener): () => void {
  readOnlyListeners.add(fn);
  return () => readOnlyListeners.delete(fn);
}

function readStorage(key: string): string | null {
  try {
    return localStorage.getItem(key);
  } catch {
    return null;
  }
}
function writeStorage(key: string, value: string | null): void {
  try {
    if (value === null) localStorage.removeItem(key);
    else localStorage.setItem(key, value);
  } catch {
    // Private mode without storage: the cookie still holds the session.
  }
}

/** Keeps the access token (the refresh token is in the HttpOnly cookie the response set). */
export function setTokens(pair: Pick<TokenPair, 'accessToken'>): void {
  accessToken = pair.accessToken;
  writeStorage(SESSION_HINT_KEY, '1');
  writeStorage(LEGACY_REFRESH_KEY, null);
}

export function clearTokens(): void {
  accessToken = null;
  writeStorage(SESSION_HINT_KEY, null);
  writeStorage(LEGACY_REFRESH_KEY, null);
}

export function hasAccessToken(): boolean {
  return accessToken !== null;
}
/** Whether this browser may have a session to resume (the cookie itself is invisible to scripts). */
export function hasRefreshToken(): boolean {
  return readStorage(SESSION_HINT_KEY) !== null || readStorage(LEGACY_REFRESH_KEY) !== null;
}
export function getAccessToken(): string | null {
  return accessToken;
}

function signedOut(): void {
  clearTokens();
  signedOutListeners.forEach((fn) => fn());
}

// Another tab logged out: follow it.
if (typeof window !== 'undefined') {
  window.addEventListener('storage', (e) => {
    if (e.key === SESSION_HINT_KEY && e.newValue === null && accessToken) {
      accessToken = null;
      signedOutListeners.forEach((fn) => fn());
    }
  });
}

async function doRefresh(): Promise<boolean> {
  // Inside the lock: another tab may have rotated the cookie while we waited; the browser sends the newest.
  const legacy = readStorage(LEGACY_REFRESH_KEY);
  let res: Response;
  try {
    res = await fetch('/v1/auth/refresh', {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      body: JSON.stringify(
        legacy
          ? { refreshToken: legacy, refreshTokenInCookie: true }
          : { refreshTokenInCookie: true },
      ),
    });
  } catch (e) {
    throw new NetworkError(e);
  }
  if (!res.ok) {
    clearTokens();
    return false;
  }
  setTokens((await res.json()) as TokenPair);
  return true;
}

/**
 * After a 401 for a request sent with `sentWith`: true when the access token has been renewed since (by another
 * request's refresh, which finished before this answer came), else the outcome of a refresh. So requests that
 * fail one after another with the same expired token cause one refresh, not one each.
 */
function renewedSince(sentWith: string | null): Promise<boolean> {
  if (accessToken !== null && accessToken !== sentWith) return Promise.resolve(true);
  return refreshSession();
}

/** Refreshes the access token; concurrent callers share one refresh. Resolves false when the session is over. */
export function refreshSession(): Promise<boolean> {
  if (!refreshInFlight) {
    const locks = typeof navigator !== 'undefined' ? navigator.locks : undefined;
    const run: Promise<boolean> = locks
      ? (locks.request('contract-bank-auth-refresh', doRefresh) as unknown as Promise<boolean>)
      : doRefresh();
    refreshInFlight = run.finally(() => {
      refreshInFlight = null;
    });
  }
  return refreshInFlight as Promise<boolean>;
}

export type Query = Record<string, string | number | boolean | null | undefined>;

export function buildUrl(path: string, query?: Query): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query ?? {})) {
    if (v === undefined || v === null || v === '') continue;
    params.set(k, String(v));
  }
  const qs = params.toString();
  return qs ? `${path}?${qs}` : path;
}

async function toApiError(res: Response): Promise<ApiError> {
  let problem: Problem = { status: res.status, title: res.statusText };
  const type = res.headers.get('content-type') ?? '';
  if (type.includes('json')) {
    try {
      const body = (await res.json()) as Partial<Problem> & { message?: string | string[] };
      problem = {
        ...body,
        status: res.status,
        // Tolerate a plain framework error body ({ message }) while the API is being built.
        detail:
          body.detail ?? (Array.isArray(body.message) ? body.message.join('. ') : body.message),
      };
    } catch {
      /* keep the status line */
    }
  }
  const err = new ApiError(res.status, problem);
  if (res.status === 402 && problem.code === 'subscription_required')
    readOnlyListeners.forEach((fn) => fn());
  return err;
}

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  query?: Query;
  body?: unknown;
  signal?: AbortSignal;
  /** Skip the bearer token and refresh logic (login, signup, ...). */
  anonymous?: boolean;
  headers?: Record<string, string>;
}

/** Sends a request, refreshing the session once on 401. Returns the raw Response when it is ok. */
export async function request(path: string, opts: RequestOptions = {}): Promise<Response> {
  let sentWith: string | null = null;
  const send = async (): Promise<Response> => {
    sentWith = accessToken;
    const headers: Record<string, string> = {
      Accept: 'application/json, application/problem+json',
      ...opts.headers,
    };
    let body: BodyInit | undefined;
    if (opts.body instanceof FormData) body = opts.body;
    else if (opts.body !== undefined) {
      headers['Content-Type'] = 'application/json';
      body = JSON.stringify(opts.body);
    }
    if (!opts.anonymous && accessToken) headers.Authorization = `Bearer ${accessToken}`;
    try {
      return await fetch(buildUrl(path, opts.query), {
        method: opts.method ?? 'GET',
        headers,
        body,
        signal: opts.signal,
      });
    } catch (e) {
      if ((e as Error)?.name === 'AbortError') throw e;
      throw new NetworkError(e);
    }
  };

  let res = await send();
  if (res.status === 401 && !opts.anonymous) {
    const refreshed = await renewedSince(sentWith);
    if (refreshed) res = await send();
    if (!refreshed || res.status === 401) {
      signedOut();
      throw await toApiError(res);
    }
  }
  if (!res.ok) throw await toApiError(res);
  return res;
}

/** JSON request; 204 resolves to undefined. */
export async function api<T>(path: string, opts: RequestOptions = {}): Promise<T> {
  const res = await request(path, opts);
  if (res.status === 204) return undefined as T;
  const type = res.headers.get('content-type') ?? '';
  if (!type.includes('json')) return undefined as T;
  return (await res.json()) as T;
}

export interface UploadHandle {
  promise: Promise<unknown>;
  abort(): void;
}

/** Multipart upload with progress events (fetch has no upload progress). Retries once after a refresh on 401. */
export function uploadWithProgress(
  path: string,
  form: FormData,
  onProgress: (fraction: number) => void,
): UploadHandle {
  let xhr: XMLHttpRequest | null = null;
  let sentWith: string | null = null;
  const attempt = () =>
    new Promise<{ status: number; body: string; type: string }>((resolve, reject) => {
      sentWith = accessToken;
      xhr = new XMLHttpRequest();
      xhr.open('POST', path);
      xhr.setRequestHeader('Accept', 'application/json, application/problem+json');
      if (accessToken) xhr.setRequestHeader('Authorization', `Bearer ${accessToken}`);
      xhr.upload.onprogress = (e) => {
        if (e.lengthComputable && e.total > 0) onProgress(e.loaded / e.total);
      };
      xhr.onload = () =>
        resolve({
          status: xhr!.status,
          body: xhr!.responseText,
          type: xhr!.getResponseHeader('content-type') ?? '',
        });
      xhr.onerror = () => reject(new NetworkError());
      xhr.onabort = () => reject(new DOMException('Aborted', 'AbortError'));
      xhr.send(form);
    });

  const promise = (async () => {
    let r = await attempt();
    if (r.status === 401) {
      if (await renewedSince(sentWith)) {
        onProgress(0);
        r = await attempt();
      }
      if (r.status === 401) signedOut();
    }
    if (r.status >= 200 && r.status < 300)
      return r.body ? (JSON.parse(r.body) as unknown) : undefined;
    const res = new Response(r.body || null, {
      status: r.status,
      headers: { 'content-type': r.type },
    });
    throw await toApiError(res);
  })();
  return { promise, abort: () => xhr?.abort() };
}

/** True when an endpoint is not there yet (the backend is being built): show "not available yet". */
export function isNotAvailable(err: unknown): boolean {
  return err instanceof ApiError && (err.status === 404 || err.status === 501);
}
