import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import { z } from 'zod';
import type { DatabaseBroker } from './database-broker.ts';
import type { RunOutbound } from '../outbound/index.ts';
import { CAPABILITY_NAMES } from './template/capabilities.ts';

const AcquireRequest = z.object({ scenarioId: z.string().min(1), capability: z.enum(CAPABILITY_NAMES).optional() });
const ReleaseRequest = z.object({ database: z.string().min(1), passed: z.boolean() });
// A scenario's simulator server for the calls Odoo makes with the scenario's API key (none: the route ends).
const RouteRequest = z.object({ credential: z.string().min(8), upstream: z.string().regex(/^http:\/\/127\.0\.0\.1:\d+$/, 'expected http://127.0.0.1:<port>').optional() });
// A scenario that restarts Odoo: `stop`, then (what it does while Odoo is down) `start`.
const RestartRequest = z.object({ database: z.string().min(1), stage: z.enum(['stop', 'start']) });

/** The broker served on 127.0.0.1 for vitest's workers, which cannot call the main process otherwise. */
export interface StartedBrokerServer {
  readonly url: string;
  // Sent by workers; keeps other local processes from creating or dropping databases.
  readonly token: string;
  close(): Promise<void>;
}

/**
 * Serves `POST /acquire`, `POST /release`, `POST /restart-odoo` and, with the run's outbound
 * proxy, `POST /outbound-route` for the broker on a free loopback port.
 */
export const startBrokerServer = async (broker: DatabaseBroker, outbound?: RunOutbound): Promise<StartedBrokerServer> => {
  const token = randomBytes(16).toString('hex');
  const server: Server = createServer(async (request, response) => {
    const reply = (status: number, body: unknown) => {
      response.writeHead(status, { 'content-type': 'application/json' });
      response.end(JSON.stringify(body));
    };
    const given = Buffer.from(request.headers.authorization ?? '');
    const expected = Buffer.from(`Bearer ${token}`);
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return reply(401, { error: 'bad token' });
    try {
      const chunks: Buffer[] = [];
      for await (const chunk of request) chunks.push(chunk as Buffer);
      const body: unknown = JSON.parse(Buffer.concat(chunks).toString() || '{}');
      if (request.url === '/acquire') {
        const input = AcquireRequest.parse(body);
        const database = await broker.acquire(input.scenarioId, input.capability);
        // A capability's template has an API key of its own (JSON-2), valid on its copies.
        const apiKey = input.capability ? (await broker.templateOf(input.capability)).apiKey : undefined;
        return reply(200, { database, ...(apiKey ? { apiKey } : {}) });
      }
      if (request.url === '/release') {
        const input = ReleaseRequest.parse(body);
        return reply(200, { kept: await broker.release(input.database, input.passed) });
      }
      if (request.url === '/restart-odoo') {
        const input = RestartRequest.parse(body);
        await broker.restartOdoo(input.database, input.stage);
        return reply(200, { stage: input.stage });
      }
      if (request.url === '/outbound-route' && outbound) {
        const input = RouteRequest.parse(body);
        if (input.upstream) await outbound.route(input.credential, input.upstream);
        else await outbound.unroute(input.credential);
        return reply(200, { routed: Boolean(input.upstream) });
      }
      return reply(404, { error: `no route ${request.url}` });
    } catch (error) {
      return reply(500, { error: (error as Error).message });
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}`,
    token,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
};
