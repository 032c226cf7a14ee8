import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, test } from 'vitest';
import { BrokerClient, postLoopback } from './broker-client.ts';

// A broker that answers each request after `delayMs`, as one waiting behind a template build does.
const slowBroker = async (delayMs: number) => {
  const server = createServer((request, response) => {
    request.resume();
    setTimeout(() => response.writeHead(200, { 'content-type': 'application/json' }).end('{"database":"oeh_r1_p001"}'), delayMs);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, close: () => new Promise((resolve) => server.close(resolve)) };
};

test('a copy the broker answers late is taken; one it does not answer within the bound fails, naming the request', async () => {
  const broker = await slowBroker(300);
  try {
    expect(await new BrokerClient(broker.url, 't').acquire('smoke/order-to-cash')).toEqual({ database: 'oeh_r1_p001' });
    await expect(postLoopback(`${broker.url}/acquire`, {}, '{}', 100)).rejects.toThrow("the harness's broker did not answer /acquire within");
  } finally {
    await broker.close();
  }
});
