// Allure 3 configuration for `npm run report`: the last run's results into its own report,
// reports/latest/allure-results → reports/latest/allure-report (latest links to reports/runs/<run-id>/).
// Failed scenarios are routed to who must act: each carries a `failure` label set by the harness
// (harness/reporting/failure-category.ts), and every category groups its scenarios by owner.
const byOwner = ['owner'];
// The run folder being reported: the CLI sets it for the run that just ended; `npm run report`
// rebuilds the one reports/latest points to.
const runFolder = process.env.HARNESS_REPORT_DIR ?? './reports/latest';

export default {
  name: 'odoo-exception-harness',
  output: `${runFolder}/allure-report`,
  // Trend across runs: one file shared by every run folder; keep it between CI runs (cache or artifact).
  historyPath: './reports/history/history.jsonl',
  // The governance summary (integration map, coverage matrix, metrics), the handover for support and,
  // for live runs, what Odoo tried to reach outside (outbound.md) travel with the report.
  globalAttachments: [`${runFolder}/governance.md`, `${runFolder}/governance.json`, `${runFolder}/handover.md`, `${runFolder}/outbound.md`],
  categories: {
    rules: [
      { id: 'infrastructure', name: 'Infrastructure (Odoo or Docker unavailable)', matchers: { labels: { failure: 'infrastructure' } }, groupBy: byOwner },
      { id: 'vendor-contract', name: 'Vendor contract', matchers: { labels: { failure: 'vendor-contract' } }, groupBy: byOwner },
      { id: 'master-data', name: 'Master data', matchers: { labels: { failure: 'master-data' } }, groupBy: byOwner },
      { id: 'odoo-functional', name: 'Odoo configuration / functional', matchers: { labels: { failure: 'odoo-functional' } }, groupBy: byOwner },
      { id: 'integration-logic', name: 'Integration logic', matchers: { labels: { failure: 'integration-logic' } }, groupBy: byOwner },
      // odoo-harness audit: what the master data and configuration would break, per owner.
      { id: 'audit', name: 'Master data and configuration audit', matchers: { labels: { suite: 'Master data and configuration audit' } }, groupBy: byOwner },
      // Skipped, neither passed nor failed: a flow the connector does not declare among its capabilities.
      { id: 'not-covered', name: 'Not covered by the connector', matchers: { labels: { coverage: 'not-covered' } }, groupBy: byOwner },
    ],
  },
  plugins: {
    // The single-page report at reports/latest/allure-report/, its tree grouped by owner.
    awesome: { options: { groupBy: ['owner', 'epic', 'feature'] } },
  },
};
