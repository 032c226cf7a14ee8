import { expect, test } from 'vitest';
import type { BrokerClient, TargetInfo } from '../env/index.ts';
import { brokerRestart, declaredRestart, replayedRestart } from './odoo-restart.ts';
import type { HarnessRunContext } from './run-context.ts';
import type { ScenarioMeta } from './scenario-meta.ts';
import { unmetNeed } from './scenario-needs.ts';

const meta: ScenarioMeta = { id: 'resilience/odoo-restarted-mid-run', title: 't', area: 'resilience', flow: 'payment-capture', exception: 'e', owner: 'it', severity: 'blocker' };
const target = (kind: TargetInfo['kind']): TargetInfo => ({ kind, url: 'http://127.0.0.1:8069', login: 'admin', password: 'admin', version: { major: 18, minor: 0, serverVersion: '18.0' }, transport: 'jsonrpc', template: 'oeh_tpl_x' });
const live = (kind: TargetInfo['kind']): HarnessRunContext => ({ mode: 'live', target: target(kind), controlUrl: 'http://127.0.0.1:1', controlToken: 't', record: false, recordingsDir: 'r', config: 'base', timeoutMs: 1000, restartWaitMs: 1000 });
// Records the stages asked of the broker, and what ran in between.
const recordingBroker = (steps: string[]) => ({ restartOdoo: async (database: string, stage: string) => void steps.push(`${stage} ${database}`) }) as unknown as BrokerClient;

test('a scenario that needs a restart of Odoo is skipped on the url target, with why; it runs on docker and on replay', () => {
  expect(unmetNeed(['odoo-restart'], live('url'))).toBe("needs the docker target: it restarts Odoo, and the url target's server is not the harness's to restart");
  expect(unmetNeed(['odoo-restart'], live('docker'))).toBeUndefined();
  expect(unmetNeed(['odoo-restart'], { mode: 'replay', major: 18, recordingsDir: 'r', config: 'base' })).toBeUndefined();
  expect(unmetNeed(undefined, live('url'))).toBeUndefined();
});

test('restartOdoo stops Odoo, runs the body while it is down, then starts it, also when the body fails', async () => {
  const steps: string[] = [];
  const restart = brokerRestart(recordingBroker(steps), 'oeh_r1_p001', target('docker'), meta.id);
  await restart(async () => void steps.push('while down'));
  await expect(restart(async () => Promise.reject(new Error('webhook assertion failed')))).rejects.toThrow('webhook assertion failed');
  expect(steps).toEqual(['stop oeh_r1_p001', 'while down', 'start oeh_r1_p001', 'stop oeh_r1_p001', 'start oeh_r1_p001']);
});

test('restartOdoo on the url target is a ConfigError naming the docker target, and asks the broker nothing', async () => {
  const steps: string[] = [];
  await expect(brokerRestart(recordingBroker(steps), 'oeh_r1_p001', target('url'), meta.id)()).rejects.toThrow(
    `Invalid configuration in scenario "resilience/odoo-restarted-mid-run":\n✖ restartOdoo() needs the docker target: the url target's Odoo (http://127.0.0.1:8069) is a server the harness does not own, so it does not restart it. Run it with ODOO_TARGET=docker (with needs: ['odoo-restart'] in its metadata it is skipped on other targets).`,
  );
  expect(steps).toEqual([]);
});

test('restartOdoo needs the declaration in the metadata, on every target (replay too)', async () => {
  let ran = 0;
  await expect(declaredRestart(meta, replayedRestart)(async () => void ran++)).rejects.toThrow("✖ restartOdoo() restarts the real Odoo: declare needs: ['odoo-restart'] in the scenario's metadata");
  expect(ran).toBe(0);
  await declaredRestart({ ...meta, needs: ['odoo-restart'] }, replayedRestart)(async () => void ran++);
  expect(ran).toBe(1);
});
