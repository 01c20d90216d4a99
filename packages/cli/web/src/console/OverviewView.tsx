import { useState } from 'preact/hooks'
import { consoleApi, type Scope } from './console-api'
import { sum } from './format'
import type { Route } from './route'
import { ScopePicker } from './ScopePicker'
import { TrendChart } from './TrendChart'
import type { Funnel, SubscriptionOverview } from './types'
import { usePolled } from './use-polled'

type Period = 'hour' | 'day'

interface Step {
  label: string
  count: number
  kind: 'in' | 'out' | 'ok' | 'bad' | 'wait'
  detail?: Record<string, number>
  testId: string
}

function steps(funnel: Funnel, pending: number): Step[] {
  return [
    { label: 'Received', count: funnel.received, kind: 'in', testId: 'received' },
    {
      label: 'Filtered out',
      count: funnel.filteredNoMatch + funnel.filteredDisabled,
      kind: 'out',
      detail: { 'no match': funnel.filteredNoMatch, disabled: funnel.filteredDisabled },
      testId: 'filtered'
    },
    { label: 'Failed mapping or validation', count: funnel.failedValidation, kind: 'bad', testId: 'failed-validation' },
    { label: 'Delivered', count: funnel.delivered, kind: 'ok', testId: 'delivered' },
    {
      label: 'Queued or retrying',
      count: pending,
      kind: 'wait',
      detail: { 'retries made': funnel.retried },
      testId: 'retrying'
    },
    { label: 'Failed', count: sum(funnel.failed), kind: 'bad', detail: funnel.failed, testId: 'failed' },
    {
      label: 'Dead-lettered',
      count: sum(funnel.deadLettered),
      kind: 'bad',
      detail: funnel.deadLettered,
      testId: 'dead'
    }
  ]
}

function FunnelCard({ item, period, go }: { item: SubscriptionOverview; period: Period; go(route: Route): void }) {
  const list = steps(item.funnel, item.pending)
  const widest = Math.max(1, ...list.map((step) => step.count))
  const scope = { instance: item.instance, subscription: item.subscriptionId }
  return (
    <div class="panel funnel" data-testid={`funnel-${item.subscriptionId}`}>
      <div class="row wrap">
        <h3 class="grow">
          {item.name} <span class="note">{item.instance}</span> {!item.enabled && <span class="tag">disabled</span>}
        </h3>
        <button type="button" class="secondary small" onClick={() => go({ view: 'log', ...scope })}>
          Event log
        </button>
        <button type="button" class="secondary small" onClick={() => go({ view: 'dead-letters', ...scope })}>
          Dead letters ({item.dead})
        </button>
      </div>
      <table class="steps">
        <tbody>
          {list.map((step) => (
            <tr data-testid={`step-${step.testId}`}>
              <th>{step.label}</th>
              <td class="num" data-testid="count">
                {step.count}
              </td>
              <td class="bar-cell">
                <div class={`bar ${step.kind}`} style={{ width: `${(step.count / widest) * 100}%` }} />
              </td>
              <td class="note detail">
                {step.detail &&
                  Object.entries(step.detail)
                    .filter(([, count]) => count > 0)
                    .map(([code, count]) => `${code}: ${count}`)
                    .join(' · ')}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <div class="chart-row">
        <TrendChart
          series={item.series}
          width={600}
          height={60}
          withRetries
          label={`${item.name}: delivered, failed and retried per ${period === 'hour' ? 'minute' : 'hour'}`}
        />
        <div class="legend note">
          <span class="key delivered" /> delivered <span class="key failed" /> failed <span class="key retried" />{' '}
          retried · per {period === 'hour' ? 'minute, last hour' : 'hour, last day'}
        </div>
      </div>
    </div>
  )
}

/** The funnel per subscription: received → filtered → failed validation → delivered / retrying / failed / dead. */
export function OverviewView({ scope, go }: { scope: Scope; go(route: Route): void }) {
  const [period, setPeriod] = useState<Period>('hour')
  const { data: answer, error } = usePolled(() => consoleApi.overview(scope, period), 3_000, [
    scope.instance,
    scope.subscriptionId,
    period
  ])
  // An answer for the other period (just switched) is not shown as this one.
  const data = answer?.period === period ? answer : null
  return (
    <section data-testid="overview">
      <div class="row wrap">
        <h2 class="grow">Delivery overview</h2>
        <ScopePicker view="overview" scope={scope} go={go} />
        <nav class="tabs inline">
          <button
            type="button"
            data-testid="period-hour"
            class={period === 'hour' ? 'active' : ''}
            onClick={() => setPeriod('hour')}
          >
            Last hour
          </button>
          <button
            type="button"
            data-testid="period-day"
            class={period === 'day' ? 'active' : ''}
            onClick={() => setPeriod('day')}
          >
            Last day
          </button>
        </nav>
      </div>
      {error && <div class="notice error">{error}</div>}
      {data && data.subscriptions.length === 0 && <div class="panel empty">No subscriptions in this view.</div>}
      {data?.subscriptions.map((item) => (
        <FunnelCard item={item} period={period} go={go} />
      ))}
    </section>
  )
}
