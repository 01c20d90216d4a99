import type { ActionInfo, Subscription } from '../types'

interface Props {
  actions: ActionInfo[]
  subscriptions: Subscription[]
  selectedId: string | null
  /** Per subscription: does the sample event go through it? */
  matches: Record<string, boolean | null>
  onSelect(id: string): void
  onAdd(action: ActionInfo): void
  onToggle(id: string, enabled: boolean): void
}

/** Each action with its subscriptions: select one to edit it, switch it on or off, add more. */
export function SubscriptionList({ actions, subscriptions, selectedId, matches, onSelect, onAdd, onToggle }: Props) {
  return (
    <section class="panel" data-testid="actions">
      <h2>Actions &amp; subscriptions</h2>
      {actions.map((action) => {
        const own = subscriptions.filter((subscription) => subscription.partnerAction === action.key)
        return (
          <div class="action" data-testid={`action-${action.key}`}>
            <div class="action-title">
              <strong>{action.title ?? action.key}</strong>
              {action.hasBatchSupport && <span class="tag">batch</span>}
            </div>
            <ul>
              {own.map((subscription) => {
                const match = matches[subscription.id]
                return (
                  <li
                    class={subscription.id === selectedId ? 'selected' : ''}
                    data-testid={`subscription-${subscription.name}`}
                  >
                    <input
                      type="checkbox"
                      title={subscription.enabled ? 'Enabled: click to disable' : 'Disabled: click to enable'}
                      data-testid={`enabled-${subscription.name}`}
                      checked={subscription.enabled}
                      onChange={(e) => onToggle(subscription.id, e.currentTarget.checked)}
                    />
                    <button type="button" class="link" onClick={() => onSelect(subscription.id)}>
                      {subscription.name}
                    </button>
                    <span
                      class={`match ${match === true ? 'yes' : match === false ? 'no' : 'unknown'}`}
                      data-testid={`match-${subscription.name}`}
                      title={
                        match === true
                          ? 'The sample event matches'
                          : match === false
                            ? 'The sample event does not match (or the subscription is disabled)'
                            : 'No valid sample event or FQL'
                      }
                    >
                      {match === true ? 'matches' : match === false ? 'no match' : '?'}
                    </span>
                  </li>
                )
              })}
            </ul>
            <button
              type="button"
              class="secondary small"
              data-testid={`add-subscription-${action.key}`}
              onClick={() => onAdd(action)}
            >
              + Add subscription
            </button>
          </div>
        )
      })}
    </section>
  )
}
