import { useEffect, useMemo, useState } from 'preact/hooks'
import { ConditionsBuilder } from '../components/ConditionsBuilder'
import { MappingEditor } from '../components/MappingEditor'
import { eventPaths } from '../event-paths'
import { newSubscription } from '../new-subscription'
import { consoleApi, errorText } from './console-api'
import { instanceBody } from './instance-body'
import type { Route } from './route'
import { TestPanels } from './TestPanels'
import type { ConsoleSubscription, DestinationManifest, ListedInstance } from './types'

interface Props {
  instanceName: string
  /** Undefined: a new subscription. */
  subscriptionId?: string
  pickedEvent?: string
  go(route: Route): void
}

type Tab = 'conditions' | 'mapping'

/** One subscription: the tester's conditions builder and mapping editor, tested on received events. */
export function SubscriptionEditor({ instanceName, subscriptionId, pickedEvent, go }: Props) {
  const [instance, setInstance] = useState<ListedInstance | null>(null)
  const [manifest, setManifest] = useState<DestinationManifest | null>(null)
  const [draft, setDraft] = useState<ConsoleSubscription | null>(null)
  const [tab, setTab] = useState<Tab>('conditions')
  const [notice, setNotice] = useState<{ ok: boolean; message: string } | null>(null)
  const [sampleEvent, setSampleEvent] = useState<Record<string, unknown> | null>(null)
  const [problems, setProblems] = useState<Array<{ field?: string; message: string }>>([])

  useEffect(() => {
    consoleApi
      .destinations()
      .then(async (answer) => {
        const found = answer.destinations.find((candidate) => candidate.name === instanceName)
        if (!found) throw new Error(`no destination instance is named "${instanceName}"`)
        setInstance(found)
        setManifest(await consoleApi.manifest(found.destination))
        const existing = found.subscriptions.find((subscription) => subscription.id === subscriptionId)
        if (subscriptionId && !existing) throw new Error(`${instanceName} has no subscription "${subscriptionId}"`)
        if (existing) setDraft(existing)
      })
      .catch((failure: unknown) => setNotice({ ok: false, message: errorText(failure) }))
  }, [instanceName, subscriptionId])

  const paths = useMemo(() => (sampleEvent ? eventPaths(sampleEvent) : []), [sampleEvent])

  if (!instance || !manifest) {
    return notice ? <div class="notice error">{notice.message}</div> : <div class="loading">Loading…</div>
  }
  const actions = Object.values(manifest.actions).filter((action) => !action.hidden)

  if (!draft) {
    return (
      <section class="panel" data-testid="choose-action">
        <h2>New subscription of {instance.name}: choose an action</h2>
        <ul class="catalog">
          {actions.map((action) => (
            <li>
              <button
                type="button"
                class="link"
                data-testid={`action-${action.key}`}
                onClick={() => setDraft({ ...newSubscription(action, instance.subscriptions), id: '' })}
              >
                <b>{action.title ?? action.key}</b> <span class="note">{action.description}</span>
              </button>
            </li>
          ))}
        </ul>
      </section>
    )
  }

  const action = manifest.actions[draft.partnerAction]
  const change = (part: Partial<ConsoleSubscription>) => setDraft({ ...draft, ...part })
  const save = () => {
    const subscriptions = draft.id
      ? instance.subscriptions.map((other) => (other.id === draft.id ? draft : other))
      : [...instance.subscriptions, draft]
    consoleApi.saveInstance(instance.name, instanceBody(instance, { subscriptions })).then(
      () => {
        setNotice({ ok: true, message: 'Saved: the engine uses it within a second' })
        if (!draft.id) go({ view: 'destinations' })
      },
      (failure: unknown) => setNotice({ ok: false, message: errorText(failure) })
    )
  }
  const remove = () => {
    if (!confirm(`Delete the subscription "${draft.name}"?`)) return
    const subscriptions = instance.subscriptions.filter((other) => other.id !== draft.id)
    consoleApi.saveInstance(instance.name, instanceBody(instance, { subscriptions })).then(
      () => go({ view: 'destinations' }),
      (failure: unknown) => setNotice({ ok: false, message: errorText(failure) })
    )
  }

  return (
    <section class="editor-page">
      <div class="panel" data-testid="subscription-editor">
        <div class="row editor-head wrap">
          <span class="note">{instance.name} ›</span>
          <input
            class="name"
            data-testid="subscription-name"
            value={draft.name}
            onInput={(e) => change({ name: e.currentTarget.value })}
          />
          <label>
            <input
              type="checkbox"
              data-testid="subscription-enabled"
              checked={draft.enabled}
              onChange={(e) => change({ enabled: e.currentTarget.checked })}
            />{' '}
            Enabled
          </label>
          <span class="note">→ {action?.title ?? draft.partnerAction}</span>
          <button type="button" class="primary" data-testid="save-subscription" onClick={save}>
            Save
          </button>
          {draft.id && (
            <button type="button" class="danger" data-testid="delete-subscription" onClick={remove}>
              Delete
            </button>
          )}
        </div>
        {notice && (
          <div class={`notice ${notice.ok ? 'ok' : 'error'}`} data-testid="editor-notice">
            {notice.message}
          </div>
        )}
        <nav class="tabs">
          <button
            type="button"
            data-testid="tab-conditions"
            class={tab === 'conditions' ? 'active' : ''}
            onClick={() => setTab('conditions')}
          >
            Conditions
          </button>
          <button
            type="button"
            data-testid="tab-mapping"
            class={tab === 'mapping' ? 'active' : ''}
            onClick={() => setTab('mapping')}
          >
            Mapping
          </button>
        </nav>
        {tab === 'conditions' && (
          <ConditionsBuilder fql={draft.subscribe} onChange={(subscribe) => change({ subscribe })} />
        )}
        {tab === 'mapping' && action && (
          <MappingEditor
            action={action}
            mapping={draft.mapping}
            paths={paths}
            problems={problems}
            onChange={(mapping) => change({ mapping })}
          />
        )}
      </div>
      <TestPanels
        tab={tab}
        destination={instance.destination}
        subscription={draft}
        pickedEvent={pickedEvent}
        onEvent={setSampleEvent}
        onProblems={setProblems}
      />
    </section>
  )
}
