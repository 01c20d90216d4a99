import { render } from 'preact'
import { useEffect, useMemo, useRef, useState } from 'preact/hooks'
import { compileFql } from '@action-destinations/destination-subscriptions'
import { api } from './api'
import { ConditionsBuilder } from './components/ConditionsBuilder'
import { DeliveryCounts } from './components/DeliveryCounts'
import { MappingEditor } from './components/MappingEditor'
import { SampleEvents } from './components/SampleEvents'
import { SettingsForm } from './components/SettingsForm'
import { SubscriptionList } from './components/SubscriptionList'
import { TestAndSend } from './components/TestAndSend'
import { eventPaths } from './event-paths'
import { newId, newSubscription } from './new-subscription'
import { parseSampleEvents } from './sample-events'
import { SAMPLE_EVENTS } from './samples'
import { downloadSubscriptions, importSubscriptions } from './subscriptions-file'
import type { Counts, FieldProblem, Manifest, SavedSubscription, Subscription } from './types'
import { useSessionSettings } from './use-session-settings'

type Tab = 'conditions' | 'mapping' | 'test'

function withIds(list: SavedSubscription[]): Subscription[] {
  return list.map((subscription) => ({ ...subscription, id: newId() }))
}

function withoutIds(list: Subscription[]): SavedSubscription[] {
  return list.map(({ name, enabled, subscribe, partnerAction, mapping }) => ({
    name,
    enabled,
    subscribe,
    partnerAction,
    mapping
  }))
}

function matchesEvent(subscription: Subscription, event: Record<string, unknown> | undefined): boolean | null {
  if (!event) return null
  try {
    return subscription.enabled && compileFql(subscription.subscribe)(event)
  } catch {
    return null
  }
}

function App() {
  const [manifest, setManifest] = useState<Manifest | null>(null)
  const [fatal, setFatal] = useState<string | null>(null)
  const [subscriptions, setSubscriptions] = useState<Subscription[]>([])
  const [file, setFile] = useState<string | null>(null)
  const [notice, setNotice] = useState<{ ok: boolean; message: string } | null>(null)
  const [selectedId, setSelectedId] = useState<string | null>(null)
  const [tab, setTab] = useState<Tab>('conditions')
  const { settings, setSettings, keepPasswords, setKeepPasswords } = useSessionSettings(manifest)
  const [sampleText, setSampleText] = useState(JSON.stringify(SAMPLE_EVENTS.track, null, 2))
  const [counts, setCounts] = useState<Counts>({})
  const [problems, setProblems] = useState<Record<string, FieldProblem[]>>({})
  const saving = useRef<Promise<unknown>>(Promise.resolve())

  useEffect(() => {
    Promise.all([api.manifest(), api.subscriptions(), api.counts()])
      .then(([loaded, saved, session]) => {
        setManifest(loaded)
        const list = withIds(saved.subscriptions)
        setSubscriptions(list)
        setSelectedId(list[0]?.id ?? null)
        setFile(saved.file)
        setCounts(session)
        if (saved.loadError)
          setNotice({ ok: false, message: `Could not read the saved subscriptions: ${saved.loadError}` })
      })
      .catch((error: unknown) => setFatal(error instanceof Error ? error.message : String(error)))
  }, [])

  // Saves in order: each save waits for the previous one.
  const persist = (list: Subscription[]) => {
    setSubscriptions(list)
    saving.current = saving.current
      .then(() => api.saveSubscriptions(withoutIds(list)))
      .then(
        () => setNotice((old) => (old && !old.ok ? null : old)),
        (error: unknown) =>
          setNotice({ ok: false, message: `Not saved: ${error instanceof Error ? error.message : String(error)}` })
      )
  }
  const update = (id: string, change: Partial<Subscription>) =>
    persist(
      subscriptions.map((subscription) => (subscription.id === id ? { ...subscription, ...change } : subscription))
    )

  const sample = useMemo(() => parseSampleEvents(sampleText), [sampleText])
  const events = 'events' in sample ? sample.events : null
  const paths = useMemo(() => (events ? eventPaths(events[0]) : []), [events])
  const matches = useMemo(() => {
    const out: Record<string, boolean | null> = {}
    for (const subscription of subscriptions) out[subscription.id] = matchesEvent(subscription, events?.[0])
    return out
  }, [subscriptions, events])

  // Live check of the mapping on the first sample event, so errors show next to their fields.
  const selectedForCheck = subscriptions.find((subscription) => subscription.id === selectedId)
  const firstEvent = events?.[0]
  useEffect(() => {
    if (tab !== 'mapping' || !selectedForCheck || !firstEvent) return
    const { id, partnerAction, mapping } = selectedForCheck
    const timer = setTimeout(() => {
      api
        .testMapping(partnerAction, mapping, firstEvent)
        .then((answer) => setProblems((old) => ({ ...old, [id]: answer.problems })))
        .catch((error: unknown) =>
          setProblems((old) => ({
            ...old,
            [id]: [{ message: error instanceof Error ? error.message : String(error) }]
          }))
        )
    }, 250)
    return () => clearTimeout(timer)
  }, [tab, selectedForCheck?.id, JSON.stringify(selectedForCheck?.mapping), JSON.stringify(firstEvent)])

  if (fatal) return <div class="fatal error">Could not load the destination: {fatal}</div>
  if (!manifest) return <div class="loading">Loading…</div>

  const actions = Object.values(manifest.actions)
  const selected = subscriptions.find((subscription) => subscription.id === selectedId) ?? null
  const selectedAction = selected ? manifest.actions[selected.partnerAction] : undefined

  const exportFile = () => downloadSubscriptions(withoutIds(subscriptions))
  const importFile = async (chosen: File | undefined) => {
    if (!chosen) return
    try {
      const list = withIds(await importSubscriptions(chosen))
      setSubscriptions(list)
      setSelectedId(list[0]?.id ?? null)
      const count = `${list.length} subscription${list.length === 1 ? '' : 's'}`
      setNotice({ ok: true, message: `Imported ${count} from ${chosen.name}` })
    } catch (error) {
      setNotice({ ok: false, message: `Import failed: ${error instanceof Error ? error.message : String(error)}` })
    }
  }

  return (
    <div class="app">
      <header>
        <h1>
          Actions Tester <span class="dest">{manifest.destination.name}</span>
        </h1>
        <div class="row">
          {file && (
            <span class="note" title={file}>
              saved to {file.split(/[\\/]/).slice(-2).join('/')}
            </span>
          )}
          <button type="button" class="secondary" data-testid="export" onClick={exportFile}>
            Export
          </button>
          <label class="button secondary">
            Import
            <input
              type="file"
              accept="application/json,.json"
              data-testid="import-file"
              onChange={(e) => {
                void importFile(e.currentTarget.files?.[0])
                e.currentTarget.value = ''
              }}
            />
          </label>
        </div>
      </header>
      {notice && (
        <div class={`notice ${notice.ok ? 'ok' : 'error'}`} data-testid="notice">
          {notice.message}
          <button type="button" class="icon" onClick={() => setNotice(null)}>
            ×
          </button>
        </div>
      )}
      <main>
        <aside>
          <SettingsForm
            fields={manifest.destination.settings}
            settings={settings}
            onChange={setSettings}
            keepPasswords={keepPasswords}
            onKeepPasswordsChange={setKeepPasswords}
          />
          <SubscriptionList
            actions={actions}
            subscriptions={subscriptions}
            selectedId={selectedId}
            matches={matches}
            onSelect={setSelectedId}
            onToggle={(id, enabled) => update(id, { enabled })}
            onAdd={(action) => {
              const created = newSubscription(action, subscriptions)
              persist([...subscriptions, created])
              setSelectedId(created.id)
              setTab('conditions')
            }}
          />
          <DeliveryCounts actions={actions} counts={counts} onReset={() => void api.resetCounts().then(setCounts)} />
        </aside>
        <section class="editor">
          {!selected || !selectedAction ? (
            <div class="panel empty">
              <p>Add a subscription to an action to configure it.</p>
            </div>
          ) : (
            <div class="panel" data-testid="subscription-editor" key={selected.id}>
              <div class="row editor-head">
                <input
                  class="name"
                  data-testid="subscription-name"
                  value={selected.name}
                  onChange={(e) => {
                    const name = e.currentTarget.value.trim()
                    if (name) update(selected.id, { name })
                  }}
                />
                <label>
                  <input
                    type="checkbox"
                    data-testid="subscription-enabled"
                    checked={selected.enabled}
                    onChange={(e) => update(selected.id, { enabled: e.currentTarget.checked })}
                  />{' '}
                  Enabled
                </label>
                <span class="note">→ {selectedAction.title ?? selectedAction.key}</span>
                <button
                  type="button"
                  class="danger"
                  data-testid="delete-subscription"
                  onClick={() => {
                    const rest = subscriptions.filter((subscription) => subscription.id !== selected.id)
                    persist(rest)
                    setSelectedId(rest[0]?.id ?? null)
                  }}
                >
                  Delete
                </button>
              </div>
              <nav class="tabs">
                {(
                  [
                    ['conditions', 'Conditions'],
                    ['mapping', 'Mapping'],
                    ['test', 'Test & send']
                  ] as Array<[Tab, string]>
                ).map(([key, label]) => (
                  <button
                    type="button"
                    data-testid={`tab-${key}`}
                    class={tab === key ? 'active' : ''}
                    onClick={() => setTab(key)}
                  >
                    {label}
                  </button>
                ))}
              </nav>
              {tab === 'conditions' && (
                <ConditionsBuilder
                  fql={selected.subscribe}
                  onChange={(subscribe) => update(selected.id, { subscribe })}
                />
              )}
              {tab === 'mapping' && (
                <MappingEditor
                  action={selectedAction}
                  mapping={selected.mapping}
                  paths={paths}
                  problems={problems[selected.id] ?? []}
                  onChange={(mapping) => update(selected.id, { mapping })}
                />
              )}
              {tab === 'test' && (
                <TestAndSend
                  action={selectedAction}
                  subscription={selected}
                  events={events}
                  settings={settings}
                  settingsFields={manifest.destination.settings}
                  onProblems={(found) => setProblems((old) => ({ ...old, [selected.id]: found }))}
                  onCounts={setCounts}
                />
              )}
            </div>
          )}
        </section>
        <SampleEvents text={sampleText} error={'error' in sample ? sample.error : null} onChange={setSampleText} />
      </main>
    </div>
  )
}

render(<App />, document.getElementById('app') as HTMLElement)
