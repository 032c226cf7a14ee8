import { writeFile } from 'node:fs/promises';
import { connectOdoo } from '../../odoo/index.ts';

// Captures the stock moves of every sale line of a database, as accountForSaleLine reads them, from
// a live Odoo (a scenario database kept with --keep-dbs all):
//   npx tsx harness/assert/__fixtures__/capture-sale-line-moves.ts <url> <database> <password> <out.json>
const [url, database, password, out] = process.argv.slice(2);
if (!url || !database || !password || !out) throw new Error('usage: capture-sale-line-moves.ts <url> <database> <password> <out.json>');
const odoo = await connectOdoo({ url, database, login: 'admin', password, transport: 'jsonrpc' });
const moves = await odoo.searchRead<Record<string, unknown> & { location_final_id: [number, string] | false }>('stock.move', [['sale_line_id', '!=', false]], {
  fields: ['sale_line_id', 'state', 'quantity', 'product_uom_qty', 'location_usage', 'location_dest_usage', 'location_final_id', 'picking_type_id'],
  order: 'id',
});
const finals = [...new Set(moves.flatMap((m) => (m.location_final_id ? [m.location_final_id[0]] : [])))];
const usage = new Map((await odoo.read<{ id: number; usage: string }>('stock.location', finals, ['usage'])).map((l) => [l.id, l.usage]));
const captured = moves.map(({ location_final_id, ...move }) => ({ ...move, final_usage: location_final_id ? usage.get(location_final_id[0])! : false }));
await writeFile(out, `${JSON.stringify({ odoo: odoo.version.serverVersion, database, moves: captured }, null, 2)}\n`);
process.stdout.write(`${captured.length} moves from ${database} (${odoo.version.serverVersion}) → ${out}\n`);
