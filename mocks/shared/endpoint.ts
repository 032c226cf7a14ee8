import { http, HttpResponse, type HttpHandler } from 'msw';
import { z } from 'zod';

/** One route of a simulator: what the real system would answer, independent of msw. */
export interface Endpoint {
  // Name used by faults and reports, e.g. `payment.capture`.
  readonly name: string;
  readonly method: 'get' | 'post' | 'put' | 'delete';
  // msw path pattern relative to the system's base URL, e.g. `/v1/captures/:id`.
  readonly path: string;
  readonly respond: (request: Request, params: Record<string, string>) => Promise<Response>;
}

/** The msw handler serving an endpoint at a base URL. */
export const handlerFor = (baseUrl: string, endpoint: Endpoint): HttpHandler =>
  http[endpoint.method](`${baseUrl}${endpoint.path}`, ({ request, params }) => endpoint.respond(request, params as Record<string, string>));

/**
 * Reads and validates a JSON body the way the real API would: a 400 naming the fields on failure.
 * Returns the data, or the 400 response to send.
 */
export const parseBody = async <S extends z.ZodType>(request: Request, schema: S): Promise<z.infer<S> | Response> => {
  let json: unknown;
  try {
    json = await request.json();
  } catch {
    return HttpResponse.json({ error: 'body is not JSON' }, { status: 400 });
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) return HttpResponse.json({ error: z.prettifyError(parsed.error) }, { status: 400 });
  return parsed.data;
};

/** 404 with a JSON error, as the simulated APIs answer unknown ids. */
export const notFound = (what: string): Response => HttpResponse.json({ error: `${what} not found` }, { status: 404 });
