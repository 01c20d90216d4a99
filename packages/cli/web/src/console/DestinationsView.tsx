import { useState } from 'preact/hooks'
import { consoleApi, errorText } from './console-api'
import { instanceBody, type InstanceChange } from './instance-body'
import type { Route } from './route'
import { TrendChart } from './TrendChart'
import type { ListedInstance } from './types'
import { usePolled } from './use-polled'

/** Every destination instance with its sources and, per subscription, the last hour's deliveries. */
export function DestinationsView({ go }: { go(route: Route): void }) {
  const { data, error, reload } = usePolled(() => consoleApi.destinations(), 5_000, [])
  const [notice, setNotice] = useState<string | null>(null)

  const save = (instance: ListedInstance, change: InstanceChange) => {
    consoleApi
      .saveInstance(instance.name, instanceBody(instance, change))
      .then(reload, (failure: unknown) => setNotice(errorText(failure)))
  }
  const remove = (instance: ListedInstance) => {
    if (!confirm(`Delete the destination "${instance.name}" and its subscriptions?`)) return
    consoleApi.deleteInstance(instance.name).then(reload, (failure: unknown) => setNotice(errorText(failure)))
  }

  return (
    <section data-testid="destinations">
      <div class="row">
        <h2 class="grow">Destinations</h2>
        <button type="button" data-testid="add-destination" onClick={() => go({ view: 'add' })}>
          Add destination
        </button>
      </div>
      {(error || notice) && <div class="notice error">{notice ?? error}</div>}
      {data && data.destinations.length === 0 && (
        <div class="panel empty">No destinations yet. Add one to start delivering events.</div>
      )}
      {data?.destinations.map((instance) => (
        <div class="panel instance" data-testid={`instance-${instance.name}`}>
          <div class="row wrap">
            <h3 class="grow">
              {instance.name} <span class="note">{instance.destinationName}</span>
            </h3>
            <span class="note">sources:</span>
            {instance.sources.map((source) => (
              <span class="tag">{source}</span>
            ))}
            <label>
              <input
                type="checkbox"
                data-testid={`instance-enabled-${instance.name}`}
                checked={instance.enabled}
                onChange={(e) => save(instance, { enabled: e.currentTarget.checked })}
              />{' '}
              Enabled
            </label>
            <button
              type="button"
              class="secondary small"
              data-testid={`instance-settings-${instance.name}`}
              onClick={() => go({ view: 'settings', instance: instance.name })}
            >
              Settings
            </button>
            <button type="button" class="secondary small" onClick={() => go({ view: 'edit', instance: instance.name })}>
              Add subscription
            </button>
            <button type="button" class="danger small" onClick={() => remove(instance)}>
              Delete
            </button>
          </div>
          {instance.subscriptions.length === 0 ? (
            <p class="note">No subscriptions.</p>
          ) : (
            <table class="grid">
              <thead>
                <tr>
                  <th>Subscription</th>
                  <th>Conditions</th>
                  <th class="num">Delivered</th>
                  <th class="num">Failed</th>
                  <th>Last hour</th>
                  <th class="num">Queued</th>
                  <th class="num">Dead</th>
                  <th />
                </tr>
              </thead>
              <tbody>
                {instance.subscriptions.map((subscription) => (
                  <tr data-testid={`subscription-${subscription.id}`}>
                    <td>
                      <label class="row nowrap">
                        <input
                          type="checkbox"
                          title="Enabled"
                          checked={subscription.enabled}
                          onChange={(e) => {
                            const enabled = e.currentTarget.checked
                            save(instance, {
                              subscriptions: instance.subscriptions.map((other) =>
                                other.id === subscription.id ? { ...other, enabled } : other
                              )
                            })
                          }}
                        />
                        <a
                          href={`#/edit?instance=${encodeURIComponent(instance.name)}&subscription=${encodeURIComponent(subscription.id)}`}
                        >
                          {subscription.name}
                        </a>
                      </label>
                    </td>
                    <td class="fql" title={subscription.subscribe}>
                      <code>{subscription.subscribe}</code>
                    </td>
                    <td class="num ok" data-testid="delivered-count">
                      {subscription.lastHour.delivered}
                    </td>
                    <td class={`num ${subscription.lastHour.failed > 0 ? 'error' : ''}`} data-testid="failed-count">
                      {subscription.lastHour.failed}
                    </td>
                    <td>
                      <TrendChart
                        series={subscription.lastHour.series}
                        label={`${subscription.name}: delivered and failed per 5 minutes, last hour`}
                      />
                    </td>
                    <td class="num">{subscription.pending}</td>
                    <td class="num">{subscription.dead}</td>
                    <td class="links">
                      <a
                        href={`#/overview?instance=${encodeURIComponent(instance.name)}&subscription=${encodeURIComponent(subscription.id)}`}
                      >
                        Overview
                      </a>{' '}
                      <a
                        href={`#/log?instance=${encodeURIComponent(instance.name)}&subscription=${encodeURIComponent(subscription.id)}`}
                      >
                        Log
                      </a>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </div>
      ))}
    </section>
  )
}
