// A tiny integration for the tests: serves /echo, /fail and /slow, prints LISTENING, exits when stdin closes.
import { createServer } from 'node:http';

const server = createServer((request, response) => {
  let body = '';
  request.on('data', (chunk) => (body += chunk));
  request.on('end', () => {
    console.error(`got ${request.url}`);
    if (request.url === '/fail') return response.writeHead(500, { 'content-type': 'application/json' }).end('{"error":"no customer for ord_0001"}');
    if (request.url === '/crash') process.exit(3);
    if (request.url === '/slow') return setTimeout(() => response.end('{}'), 5_000);
    response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ echoed: JSON.parse(body || '{}'), env: process.env.ECHO_TAG }));
  });
});
server.listen(0, '127.0.0.1', () => console.log(`LISTENING http://127.0.0.1:${server.address().port}`));
process.stdin.resume();
process.stdin.on('end', () => process.exit(0));
