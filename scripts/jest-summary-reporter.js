// Prints one plain closing line ("N passed, N failed, N skipped") after jest's own summary,
// so CI logs end with a summary any tool can read.
class SummaryLineReporter {
  onRunComplete(_contexts, results) {
    const { numPassedTests, numFailedTests, numPendingTests, numTodoTests } = results
    const failedSuites = results.numFailedTestSuites
    const suiteNote = failedSuites > 0 ? ` (${failedSuites} test suites failed)` : ''
    process.stdout.write(
      `\nTests: ${numPassedTests} passed, ${numFailedTests} failed, ${numPendingTests + numTodoTests} skipped${suiteNote}\n`
    )
  }
}
module.exports = SummaryLineReporter
