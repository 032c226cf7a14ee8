import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import { z } from 'zod';
import type { DatabaseBroker } from './database-broker.ts';

const AcquireRequest = z.object({ scenarioId: z.string().min(1) });
const ReleaseRequest = z.object({ database: z.string().min(1), passed: z.boolean() });
// A scenario that restarts Odoo: `stop`, then (what it does while Odoo is down) `start`.
const RestartRequest = z.object({ database: z.string().min(1), stage: z.enum(['stop', 'start']) });

/** The broker served on 127.0.0.1 for vitest's workers, which cannot call the main process otherwise. */
export interface StartedBrokerServer {
  readonly url: string;
  // Sent by workers; keeps other local processes from creating or dropping databases.
  readonly token: string;
  close(): Promise<void>;
}

/** Serves `POST /acquire`, `POST /release` and `POST /restart-odoo` for the broker on a free loopback port. */
export const startBrokerServer = async (broker: DatabaseBroker): Promise<StartedBrokerServer> => {
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
        return reply(200, { database: await broker.acquire(input.scenarioId) });
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
