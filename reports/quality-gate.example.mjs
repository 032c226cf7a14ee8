// Example quality gate for a nightly run: copy into reports/allurerc.mjs as `qualityGate` (Allure 3).
// It fails the report generation when any blocker or critical scenario fails, or more than 2 fail.
export const qualityGate = {
  rules: [
    { maxFailures: 2 },
    { maxFailures: 0, filter: (result) => ['blocker', 'critical'].includes(result.labels.find((l) => l.name === 'severity')?.value) },
  ],
};
