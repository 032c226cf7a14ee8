import type { OdooClient } from '../../odoo/index.ts';
import type { TemplateSetup } from './template-setup.ts';

/**
 * What some scenarios need of Odoo beyond the base template: more modules and their setup. A
 * scenario declares one (`capability` in its metadata); each gets a cached template of its own,
 * built on first use, so the base library keeps its template and pays nothing for it.
 */
interface Capability {
  readonly description: string;
  readonly modules: readonly string[];
  // Part of the template's cache key: bump it when `apply` changes.
  readonly version: string;
  readonly apply: TemplateSetup;
}

// Keys no real account has: each scenario writes its own after its copy is made (the proxy routes
// Odoo's calls to that scenario's simulator by the secret key).
export const TEMPLATE_STRIPE_KEYS = { stripe_publishable_key: 'pk_test_oeh_template', stripe_secret_key: 'sk_test_oeh_template', stripe_webhook_secret: 'whsec_oeh_template' } as const;

// Odoo's own Stripe provider in test mode, published so the portal offers it.
const stripeInTestMode: TemplateSetup = async (odoo: OdooClient) => {
  const [provider] = await odoo.searchRead<{ res_id: number }>('ir.model.data', [['module', '=', 'payment'], ['name', '=', 'payment_provider_stripe']], { fields: ['res_id'], limit: 1 });
  if (!provider) throw new Error(`"${odoo.database}" has no payment.payment_provider_stripe after installing payment_stripe`);
  await odoo.write('payment.provider', [provider.res_id], { ...TEMPLATE_STRIPE_KEYS, state: 'test', is_published: true });
};

/** The API key the Mollie template is left with: each scenario writes its own (the proxy routes Odoo's calls by it). */
export const TEMPLATE_MOLLIE_KEY = 'test_oeh_template';

// Odoo's own Mollie provider in test mode, published so the portal offers it.
const mollieInTestMode: TemplateSetup = async (odoo: OdooClient) => {
  const [provider] = await odoo.searchRead<{ res_id: number }>('ir.model.data', [['module', '=', 'payment'], ['name', '=', 'payment_provider_mollie']], { fields: ['res_id'], limit: 1 });
  if (!provider) throw new Error(`"${odoo.database}" has no payment.payment_provider_mollie after installing payment_mollie`);
  await odoo.write('payment.provider', [provider.res_id], { mollie_api_key: TEMPLATE_MOLLIE_KEY, state: 'test', is_published: true });
};

export const CAPABILITIES = {
  'payment-stripe': {
    description: "Odoo's own Stripe provider (payment_stripe) in test mode, published on the portal, with placeholder keys each scenario replaces",
    modules: ['payment_stripe'],
    version: 'stripe-1',
    apply: stripeInTestMode,
  },
  'payment-mollie': {
    description: "Odoo's own Mollie provider (payment_mollie) in test mode, published on the portal, with a placeholder API key each scenario replaces",
    modules: ['payment_mollie'],
    version: 'mollie-1',
    apply: mollieInTestMode,
  },
} as const satisfies Record<string, Capability>;

export type CapabilityName = keyof typeof CAPABILITIES;
export const CAPABILITY_NAMES = Object.keys(CAPABILITIES) as [CapabilityName, ...CapabilityName[]];

/** What a template is made of: its modules, its setup, and the version that keys its cache. */
export interface TemplateSpec {
  readonly modules: readonly string[];
  readonly setup: TemplateSetup;
  readonly setupVersion: string;
}

/** The template of a capability: the run's template (base and configuration) plus the capability's modules and setup. */
export const capabilitySpec = (base: TemplateSpec, name: CapabilityName): TemplateSpec => {
  const capability: Capability = CAPABILITIES[name];
  return {
    modules: [...new Set([...base.modules, ...capability.modules])],
    setup: async (odoo) => {
      await base.setup(odoo);
      await capability.apply(odoo);
    },
    setupVersion: `${base.setupVersion}+${name}:${capability.version}`,
  };
};
