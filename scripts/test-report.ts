// A result in the jest-compatible shape vitest writes, which scripts/summarise-test-reports.mjs
// adds up: for the suites that are scripts rather than test files (bench, soak, audit).
export interface ScriptTest {
  title: string;
  passed: boolean;
  detail?: string;
}

export function jestReport(name: string, tests: readonly ScriptTest[]) {
  const failed = tests.filter((t) => !t.passed).length;
  return {
    numPassedTests: tests.length - failed,
    numFailedTests: failed,
    numPendingTests: 0,
    numTodoTests: 0,
    testResults: [
      {
        name,
        status: failed ? "failed" : "passed",
        assertionResults: tests.map((t) => ({ title: t.title, status: t.passed ? "passed" : "failed", failureMessages: t.passed || !t.detail ? [] : [t.detail] })),
      },
    ],
  };
}
