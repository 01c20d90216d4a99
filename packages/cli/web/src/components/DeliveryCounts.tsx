import type { ActionInfo, Counts } from '../types'

interface Props {
  actions: ActionInfo[]
  counts: Counts
  onReset(): void
}

/** What happened to the events sent to each action in this server session. */
export function DeliveryCounts({ actions, counts, onReset }: Props) {
  return (
    <section class="panel" data-testid="counts">
      <h2>Delivery (this session)</h2>
      <table class="counts">
        <thead>
          <tr>
            <th>Action</th>
            <th>Delivered</th>
            <th>Failed</th>
            <th>Filtered out</th>
          </tr>
        </thead>
        <tbody>
          {actions.map((action) => {
            const own = counts[action.key] ?? { delivered: 0, failed: {}, filtered: 0 }
            const failed = Object.entries(own.failed)
            return (
              <tr data-testid={`counts-${action.key}`}>
                <td>{action.title ?? action.key}</td>
                <td data-testid={`delivered-${action.key}`}>{own.delivered}</td>
                <td data-testid={`failed-${action.key}`}>
                  {failed.length === 0 ? '0' : failed.map(([status, n]) => `${n} × ${status}`).join(', ')}
                </td>
                <td data-testid={`filtered-${action.key}`}>{own.filtered}</td>
              </tr>
            )
          })}
        </tbody>
      </table>
      <button type="button" class="secondary small" onClick={onReset}>
        Reset counts
      </button>
    </section>
  )
}
