import http from 'node:http';

/** An answer with the time from sending the request to its last body byte. */
export interface TimedResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
  ms: number;
}

/**
 * One keep-alive connection to the server, one request at a time: latency as a single dashboard user sees it,
 * without a load generator's queueing in the figures.
 */
export function createHttpClient(origin: string) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const { hostname, port } = new URL(origin);
  let cookie: string | undefined;

  function request(method: string, path: string, body?: string): Promise<TimedResponse> {
    const headers: http.OutgoingHttpHeaders = { accept: 'application/json' };
    if (cookie) headers.cookie = cookie;
    if (body !== undefined) {
      headers['content-type'] = 'application/json';
      headers['content-length'] = Buffer.byteLength(body);
    }
    return new Promise((resolve, reject) => {
      const started = performance.now();
      const req = http.request({ agent, hostname, port, method, path, headers }, (res) => {
        const parts: Buffer[] = [];
        res.on('data', (part: Buffer) => parts.push(part));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: Buffer.concat(parts).toString('utf8'),
            ms: performance.now() - started,
          }),
        );
        res.on('error', reject);
      });
      req.on('error', reject);
      req.end(body);
    });
  }

  return {
    get: (path: string) => request('GET', path),
    /** POST /api/auth/login; keeps the sign-in cookie for every later request. */
    async signIn(email: string, password: string): Promise<void> {
      const res = await request('POST', '/api/auth/login', JSON.stringify({ email, password }));
      const setCookie = res.headers['set-cookie']?.map((c) => c.split(';', 1)[0]).join('; ');
      if (res.status !== 200 || !setCookie)
        throw new Error(`sign-in answered ${res.status}: ${res.body.slice(0, 300)}`);
      cookie = setCookie;
    },
    close: () => agent.destroy(),
  };
}

export type HttpClient = ReturnType<typeof createHttpClient>;
