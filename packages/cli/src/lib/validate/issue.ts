export interface Issue {
  level: 'error' | 'warning'
  destination: string
  action?: string
  field?: string
  message: string
}

/** "Slack > postToChannel > url: message" — where first, then what. */
export function formatIssue(issue: Issue): string {
  const where = [issue.destination, issue.action, issue.field].filter(Boolean).join(' > ')
  return `${issue.level === 'error' ? 'error' : 'warning'}  ${where}: ${issue.message}`
}
