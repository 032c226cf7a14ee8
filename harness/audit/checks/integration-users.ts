import type { IntegrationMap } from '../../governance/index.ts';
import type { OdooClient } from '../../odoo/index.ts';
import { firstExamples, type AuditCheckResult } from '../audit-finding.ts';

// The groups that make a user an administrator: Settings, and Access Rights.
const ADMIN_GROUPS = ['group_system', 'group_erp_manager'];

/**
 * Integration users (the map's `odoo.integrationUsers`) that are administrators: a leaked key of
 * theirs can change every user, setting and journal, where the flows need far less.
 */
export const integrationUsersAsAdministrators = async (odoo: OdooClient, map: IntegrationMap): Promise<AuditCheckResult> => {
  const logins = map.odoo?.integrationUsers ?? [];
  if (!logins.length) return undefined;
  const groups = await odoo.searchRead<{ res_id: number }>('ir.model.data', [['module', '=', 'base'], ['model', '=', 'res.groups'], ['name', 'in', ADMIN_GROUPS]], { fields: ['res_id'] });
  // 19 keeps the implied groups apart (all_group_ids); 18 writes them into groups_id.
  const groupsField = odoo.version.major >= 19 ? 'all_group_ids' : 'groups_id';
  const admins = await odoo.searchRead<{ id: number; display_name: string; login: string }>('res.users', [['login', 'in', [...logins]], [groupsField, 'in', groups.map((g) => g.res_id)]], { fields: ['display_name', 'login'], order: 'id' });
  return admins.length
    ? {
        id: 'integration-user-is-administrator',
        title: 'Integration users with administrator rights',
        owner: 'it',
        severity: 'critical',
        count: admins.length,
        examples: firstExamples('res.users', admins.map((a) => ({ id: a.id, name: `${a.display_name} (${a.login})` }))),
        fix: 'give the integration a user of its own with only the groups its flows need (sales, inventory, invoicing), never Settings or Access Rights',
      }
    : undefined;
};
