// Prints one plain closing line ("Tests: N passed, N failed, N skipped") when jest exits, after
// jest's own summary, so CI logs end with a summary any tool can read.
class SummaryLineReporter {
  onRunComplete(_contexts, results) {
    const { numPassedTests, numFailedTests, numPendingTests, numTodoTests, numFailedTestSuites } = results
    const suiteNote = numFailedTestSuites > 0 ? ` (${numFailedTestSuites} test suites failed)` : ''
    const line = `Tests: ${numPassedTests} passed, ${numFailedTests} failed, ${numPendingTests + numTodoTests} skipped${suiteNote}`
    process.once('exit', () => process.stdout.write(`\n${line}\n`))
  }
}
module.exports = SummaryLineReporter
