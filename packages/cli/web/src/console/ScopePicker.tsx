import { consoleApi, type Scope } from './console-api'
import type { Route, View } from './route'
import { usePolled } from './use-polled'

interface Props {
  view: View
  scope: Scope
  go(route: Route): void
}

/** Which instance and subscription a view shows (all when none is chosen). */
export function ScopePicker({ view, scope, go }: Props) {
  const { data } = usePolled(() => consoleApi.destinations(), 15_000, [])
  const instances = data?.destinations ?? []
  const current = instances.find((instance) => instance.name === scope.instance)
  return (
    <div class="row wrap scope" data-testid="scope">
      <label>
        Destination{' '}
        <select
          data-testid="scope-instance"
          value={scope.instance ?? ''}
          onChange={(e) => go({ view, instance: e.currentTarget.value || undefined })}
        >
          <option value="">All</option>
          {instances.map((instance) => (
            <option value={instance.name}>{instance.name}</option>
          ))}
        </select>
      </label>
      <label>
        Subscription{' '}
        <select
          data-testid="scope-subscription"
          value={scope.subscriptionId ?? ''}
          disabled={!current}
          onChange={(e) => go({ view, instance: scope.instance, subscription: e.currentTarget.value || undefined })}
        >
          <option value="">All</option>
          {(current?.subscriptions ?? []).map((subscription) => (
            <option value={subscription.id}>{subscription.name}</option>
          ))}
        </select>
      </label>
    </div>
  )
}
