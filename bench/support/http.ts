import autocannon from 'autocannon';

export interface LoadRequest {
  path: string;
  headers: Record<string, string>;
  body?: string;
}

export interface LoadResult {
  requests: number;
  ok: number;
  /** Completed 2xx answers per second over the whole run. */
  reqPerSec: number;
  p50: number;
  p99: number;
  non2xx: number;
  errors: number;
  /** The first answer that was not 2xx, to say why. */
  firstFailure: string | null;
}

/** How long a load runs: for a number of seconds, or until a number of requests have been answered. */
export type Until = { seconds: number } | { amount: number };

/**
 * Loads `url` over `connections` keep-alive connections with autocannon, each request built by
 * `setupRequest` from the next of `requests` (a different team, key and body every time; running
 * out wraps around, and the repeats then show as failures).
 */
export async function load(url: string, method: 'GET' | 'POST', requests: LoadRequest[], connections: number, until: Until): Promise<LoadResult> {
  let next = 0;
  let firstFailure: string | null = null;
  const result = await autocannon({
    url,
    method,
    connections,
    ...('seconds' in until ? { duration: until.seconds } : { amount: until.amount }),
    timeout: 30,
    requests: [
      {
        setupRequest: (request) => {
          const spec = requests[next % requests.length];
          next += 1;
          return { ...request, method, path: spec.path, headers: spec.headers, body: spec.body };
        },
        onResponse: (status, body) => {
          if ((status < 200 || status > 299) && firstFailure === null) firstFailure = `${status} ${body.slice(0, 300)}`;
        },
      },
    ],
  });
  return {
    requests: result.requests.total,
    ok: result['2xx'],
    reqPerSec: result['2xx'] / result.duration,
    p50: result.latency.p50,
    p99: result.latency.p99,
    non2xx: result.non2xx,
    errors: result.errors,
    firstFailure,
  };
}
