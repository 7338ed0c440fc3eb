// A web-test-runner reporter that counts tests and ends with the plain line CI reads: `N passed, N failed`.
import { mkdirSync, writeFileSync } from 'node:fs';

function count(suite, totals) {
  for (const test of suite?.tests ?? []) {
    if (test.skipped) totals.skipped++;
    else if (test.passed) totals.passed++;
    else totals.failed++;
  }
  for (const child of suite?.suites ?? []) count(child, totals);
}

export function summaryReporter({ file = 'test-results/summary.json' } = {}) {
  return {
    onTestRunFinished({ sessions }) {
      const totals = { passed: 0, failed: 0, skipped: 0 };
      for (const session of sessions) {
        count(session.testResults, totals);
        // A file that failed to load, or errored outside a test, counts as a failure.
        if (!session.passed && (session.errors?.length ?? 0) > 0) totals.failed++;
      }
      mkdirSync(file.replace(/\/[^/]*$/, ''), { recursive: true });
      writeFileSync(file, JSON.stringify(totals));
      this.totals = totals;
    },
    reportTestFileResults() {},
    getTestProgress() {
      return '';
    },
    stop() {
      if (this.totals) {
        const { passed, failed, skipped } = this.totals;
        console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
      }
    },
  };
}
