import { useEffect, useState } from 'preact/hooks'
import { SettingsForm } from '../components/SettingsForm'
import { defaultMapping } from '../new-subscription'
import { consoleApi, errorText } from './console-api'
import type { Route } from './route'
import type { DestinationManifest, RegistryItem } from './types'
import { usePolled } from './use-polled'
import { SourcePicker } from './SourcePicker'

type Setup = 'quick' | 'custom'

/** Pick a registry destination, name it, choose its sources, fill its settings, then Quick or Customized Setup. */
export function AddDestination({ go }: { go(route: Route): void }) {
  const [registry, setRegistry] = useState<RegistryItem[] | null>(null)
  const [search, setSearch] = useState('')
  const [chosen, setChosen] = useState<RegistryItem | null>(null)
  const [manifest, setManifest] = useState<DestinationManifest | null>(null)
  const [name, setName] = useState('')
  const [sources, setSources] = useState<string[]>([])
  const [settings, setSettings] = useState<Record<string, unknown>>({})
  const [setup, setSetup] = useState<Setup>('quick')
  const [error, setError] = useState<string | null>(null)
  const { data: configured } = usePolled(() => consoleApi.destinations(), 60_000, [])

  useEffect(() => {
    consoleApi.registry().then(setRegistry, (failure: unknown) => setError(errorText(failure)))
  }, [])
  useEffect(() => {
    if (!chosen) return
    setManifest(null)
    consoleApi.manifest(chosen.key).then(setManifest, (failure: unknown) => setError(errorText(failure)))
    setName(chosen.key)
    setSettings({})
  }, [chosen?.key])

  const create = () => {
    if (!manifest || !chosen) return
    const subscriptions =
      setup === 'quick'
        ? manifest.destination.presets.map((preset) => {
            const action = manifest.actions[preset.partnerAction]
            return {
              name: preset.name ?? action?.title ?? preset.partnerAction,
              enabled: true,
              subscribe: preset.subscribe,
              partnerAction: preset.partnerAction,
              mapping: preset.mapping ?? (action ? defaultMapping(action) : {})
            }
          })
        : []
    consoleApi.createInstance({ name, destination: chosen.key, enabled: true, sources, settings, subscriptions }).then(
      () => go({ view: 'destinations' }),
      (failure: unknown) => setError(errorText(failure))
    )
  }

  const needle = search.trim().toLowerCase()
  const shown = (registry ?? []).filter(
    (item) => !needle || item.name.toLowerCase().includes(needle) || item.key.includes(needle)
  )
  const sourceNames = configured?.sources.map((source) => source.name) ?? []

  return (
    <section class="add-destination" data-testid="add-destination-view">
      <div class="row">
        <h2 class="grow">Add destination</h2>
        <button type="button" class="secondary" onClick={() => go({ view: 'destinations' })}>
          Cancel
        </button>
      </div>
      {error && (
        <div class="notice error" data-testid="add-error">
          {error}
        </div>
      )}
      <div class="columns">
        <div class="panel pick">
          <h2>Catalog</h2>
          <input
            type="search"
            placeholder="Search destinations"
            data-testid="registry-search"
            value={search}
            onInput={(e) => setSearch(e.currentTarget.value)}
          />
          <ul class="catalog">
            {shown.map((item) => (
              <li class={chosen?.key === item.key ? 'selected' : ''}>
                <button type="button" class="link" data-testid={`registry-${item.key}`} onClick={() => setChosen(item)}>
                  {item.name}
                </button>
              </li>
            ))}
          </ul>
        </div>
        <div class="detail">
          {!chosen && <div class="panel empty">Choose a destination from the catalog.</div>}
          {chosen && !manifest && <div class="panel">Loading {chosen.name}…</div>}
          {chosen && manifest && (
            <>
              <div class="panel">
                <h2>{manifest.destination.name}</h2>
                {manifest.destination.description && <p class="note">{manifest.destination.description}</p>}
                <label class="block">
                  Name of this instance
                  <input data-testid="instance-name" value={name} onInput={(e) => setName(e.currentTarget.value)} />
                </label>
                <SourcePicker sourceNames={sourceNames} sources={sources} onChange={setSources} />
              </div>
              <SettingsForm
                fields={manifest.destination.settings}
                settings={settings}
                onChange={setSettings}
                authenticate={async (values) => {
                  const answer = await consoleApi.testCredentials(chosen.key, values)
                  if (!answer.ok) throw new Error(answer.message)
                }}
              />
              <div class="panel">
                <h2>Setup</h2>
                <label class="block-radio">
                  <input
                    type="radio"
                    name="setup"
                    data-testid="setup-quick"
                    checked={setup === 'quick'}
                    onChange={() => setSetup('quick')}
                  />{' '}
                  <b>Quick Setup</b>: the destination's default subscriptions ({manifest.destination.presets.length})
                </label>
                {setup === 'quick' && (
                  <ul class="presets">
                    {manifest.destination.presets.map((preset) => (
                      <li>
                        {preset.name ?? preset.partnerAction} <code>{preset.subscribe}</code>
                      </li>
                    ))}
                  </ul>
                )}
                <label class="block-radio">
                  <input
                    type="radio"
                    name="setup"
                    data-testid="setup-custom"
                    checked={setup === 'custom'}
                    onChange={() => setSetup('custom')}
                  />{' '}
                  <b>Customized Setup</b>: no subscriptions; add them yourself
                </label>
                <button type="button" class="primary" data-testid="create-destination" onClick={create}>
                  Create destination
                </button>
              </div>
            </>
          )}
        </div>
      </div>
    </section>
  )
}
