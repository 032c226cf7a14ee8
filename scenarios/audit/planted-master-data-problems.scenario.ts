import { expect } from 'vitest';
import { AuditWriteRefusedError, readOnlyClient, runAudit } from '../../harness/audit/index.ts';
import { IntegrationMap, loadIntegrationMap } from '../../harness/governance/index.ts';
import { REFERENCE_MAP_PATH } from '../../harness/connector/index.ts';
import { scenario } from '../../harness/scenario/index.ts';

scenario(
  {
    id: 'audit/planted-master-data-problems',
    title: 'master data seeded with the problems a go-live meets (duplicate customers, products without SKU or tax, a bank journal without outstanding account, an integration user who is an administrator, what the integration map names and Odoo lacks): the read-only audit finds each, with its owner',
    area: 'audit',
    flow: 'customer-sync',
    exception: 'messy master data',
    owner: 'business-process-owner',
    severity: 'critical',
  },
  async ({ odoo, data, step }) => {
    const settingsGroup = async () => (await odoo.searchRead<{ res_id: number }>('ir.model.data', [['module', '=', 'base'], ['name', '=', 'group_system']], { fields: ['res_id'] }))[0]!.res_id;
    const email = data.internet.email().toLowerCase();
    const planted = await step('the messy data is seeded', async () => ({
      sameEmail: [await odoo.create('res.partner', { name: data.person.fullName(), email }), await odoo.create('res.partner', { name: data.person.fullName(), email: ` ${email.toUpperCase()} ` })],
      sameVat: [await odoo.create('res.partner', { name: data.company.name(), vat: 'BE0477472701', is_company: true }), await odoo.create('res.partner', { name: data.company.name(), vat: 'BE 0477.472.701', is_company: true })],
      sameNameZip: [await odoo.create('res.partner', { name: 'Acme Supplies', zip: '1000' }), await odoo.create('res.partner', { name: 'Acme Supplies', zip: '1000' })],
      noAddress: await odoo.create('res.partner', { name: data.person.fullName(), customer_rank: 1 }),
      noSku: await odoo.create('product.product', { name: data.commerce.productName(), sale_ok: true }),
      sameSku: [await odoo.create('product.product', { name: data.commerce.productName(), default_code: 'SKU-TWICE' }), await odoo.create('product.product', { name: data.commerce.productName(), default_code: 'SKU-TWICE' })],
      noTax: await odoo.create('product.product', { name: data.commerce.productName(), default_code: `SKU-NOTAX-${data.string.alphanumeric(6).toUpperCase()}`, taxes_id: [[6, 0, []]] }),
      journal: await odoo.create('account.journal', { name: 'Second bank', code: 'BNK9', type: 'bank' }),
      // The shop's connector signs in as an administrator; the stock sync as a plain internal user.
      adminConnector: await odoo.create('res.users', { name: 'Shop connector', login: 'shop-connector', [odoo.version.major >= 19 ? 'group_ids' : 'groups_id']: [[4, await settingsGroup()]] }),
      plainUser: await odoo.create('res.users', { name: 'Stock sync', login: 'stock-sync' }),
    }));
    // The shop sells tax-included; the map names a journal, a warehouse, a location and a currency Odoo lacks.
    const base = await loadIntegrationMap(REFERENCE_MAP_PATH);
    const map = IntegrationMap.parse({ ...base, odoo: { shopPricesIncludeTax: true, journals: ['BNK1', 'BNK7'], warehouses: ['WH', 'WH9'], locations: ['WH/Stock', 'WH/Returns-Nowhere'], currencies: ['USD', 'XTS'], integrationUsers: ['shop-connector', 'stock-sync', 'ghost-connector'] } });

    const report = await step('the audit reads the database', () => runAudit(odoo, map));
    const finding = (id: string) => {
      const found = report.findings.find((f) => f.id === id);
      expect(found, `audit finding ${id}: among ${report.findings.map((f) => f.id).join(', ')}`).toBeDefined();
      return found!;
    };
    const exampleIds = (id: string) => finding(id).examples.map((e) => e.id);
    expect(exampleIds('partners-duplicate-email'), 'the two partners with one email').toEqual(expect.arrayContaining(planted.sameEmail));
    expect(exampleIds('partners-duplicate-vat'), 'the two partners with one VAT').toEqual(expect.arrayContaining(planted.sameVat));
    expect(exampleIds('partners-duplicate-name-zip'), 'the two partners with one name and ZIP').toEqual(expect.arrayContaining(planted.sameNameZip));
    expect(exampleIds('partners-missing-shipping-data'), 'the customer without an address').toContain(planted.noAddress);
    expect(exampleIds('products-without-sku'), 'the product without SKU').toContain(planted.noSku);
    expect(exampleIds('products-duplicate-sku'), 'the two products with SKU-TWICE').toEqual(expect.arrayContaining(planted.sameSku));
    expect(exampleIds('products-without-taxes'), 'the product without tax').toContain(planted.noTax);
    expect(finding('payment-lines-without-outstanding-account').examples.map((e) => e.name).join(' '), 'the new bank journal').toContain('Second bank');
    expect(finding('taxes-disagree-with-shop-pricing').owner, 'owner of the tax-included mismatch').toBe('odoo-functional');
    expect(finding('map-references-missing').examples.map((e) => e.name), 'what the map names and Odoo lacks').toEqual(['journal (code) "BNK7"', 'warehouse (short name) "WH9"', 'stock location (full name) "WH/Returns-Nowhere"', 'active currency (ISO code) "XTS"', 'integration user (login) "ghost-connector"']);
    expect(exampleIds('integration-user-is-administrator'), 'integration users with administrator rights').toEqual([planted.adminConnector]);
    expect(finding('integration-user-is-administrator').owner, 'owner of an administrator integration user').toBe('it');
    expect(finding('partners-duplicate-email').owner, 'owner of the duplicate customers').toBe('business-process-owner');
    expect(finding('products-duplicate-sku').severity, 'severity of one SKU on two products').toBe('critical');

    // The audit's client never writes: a write is refused before it is sent, and nothing changes.
    const partners = await odoo.searchCount('res.partner', []);
    await expect(readOnlyClient(odoo).create('res.partner', { name: 'written by the audit' }), "the audit client's create").rejects.toBeInstanceOf(AuditWriteRefusedError);
    await expect(readOnlyClient(odoo).call('res.partner', 'unlink', [[planted.noAddress]]), "the audit client's unlink").rejects.toThrow('res.partner.unlink was refused before it was sent');
    expect(await odoo.searchCount('res.partner', []), 'partners after the refused writes').toBe(partners);

    // The business merges the duplicate customer (one of the two archived): the next audit no longer reports it.
    await step('the duplicate customer is merged', () => odoo.write('res.partner', [planted.sameEmail[1]!], { active: false }));
    const after = await step('the audit reads the database again', () => runAudit(odoo, map));
    expect(after.findings.map((f) => f.id), 'findings after the merge').not.toContain('partners-duplicate-email');
    expect(after.findings.map((f) => f.id), 'findings after the merge').toContain('products-duplicate-sku');
  },
);
