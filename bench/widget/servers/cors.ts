import type { IncomingMessage, ServerResponse } from 'node:http';

/** Lets any page on 127.0.0.1 call the fake vendor endpoints, as the real ones allow any site. */
export function allowCors(request: IncomingMessage, response: ServerResponse): void {
  response.setHeader('Access-Control-Allow-Origin', request.headers.origin ?? '*');
  response.setHeader('Access-Control-Allow-Credentials', 'true');
  response.setHeader('Access-Control-Allow-Methods', 'GET, POST, OPTIONS');
  response.setHeader('Access-Control-Allow-Headers', request.headers['access-control-request-headers'] ?? '*');
  response.setHeader('Cross-Origin-Resource-Policy', 'cross-origin');
}
