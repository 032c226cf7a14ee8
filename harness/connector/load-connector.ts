import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ConfigError } from '../errors/index.ts';
import type { Connector } from './connector.ts';
import { createReferenceConnector, type ReferenceConnectorOptions } from './create-connector.ts';
import type { OutOfProcessHooks } from './out-of-process/index.ts';

/**
 * What the harness hands a connector factory: Odoo, the sales channel it serves (its shop's URL),
 * the virtual clock, the systems' URLs (in process), the scenario's policy, and, for an
 * integration in a process of its own, `outOfProcess` (the systems on real HTTP, Odoo's proxy).
 */
export type ConnectorFactoryOptions = Pick<ReferenceConnectorOptions, 'odoo' | 'channel' | 'clock' | 'urls' | 'retry' | 'policy'> & {
  readonly outOfProcess: OutOfProcessHooks;
};

/** Builds the integration under test for one scenario. */
export type ConnectorFactory = (options: ConnectorFactoryOptions) => Promise<Connector>;

/**
 * The connector factory: the reference connector, or the `createConnector` (or default) export
 * of the module named by HARNESS_CONNECTOR, to run the library against your own integration.
 * @throws ConfigError when that module cannot be loaded or exports no factory.
 */
export const loadConnectorFactory = async (path = process.env.HARNESS_CONNECTOR): Promise<ConnectorFactory> => {
  if (!path) return createReferenceConnector;
  let module: { createConnector?: unknown; default?: unknown };
  try {
    module = (await import(pathToFileURL(resolve(path)).href)) as typeof module;
  } catch (error) {
    throw new ConfigError('HARNESS_CONNECTOR', `✖ cannot load "${path}": ${(error as Error).message}`, { cause: error });
  }
  const factory = module.createConnector ?? module.default;
  if (typeof factory !== 'function') throw new ConfigError('HARNESS_CONNECTOR', `✖ "${path}" must export createConnector(options) => Promise<Connector>`);
  return factory as ConnectorFactory;
};
