import { useEffect, useState } from 'preact/hooks'
import { SettingsForm } from '../components/SettingsForm'
import { consoleApi, errorText } from './console-api'
import { instanceBody } from './instance-body'
import type { Route } from './route'
import type { DestinationManifest, ListedInstance } from './types'
import { SourcePicker } from './SourcePicker'

/** An instance's sources and settings (its name identifies its jobs and counters, so it stays); secrets arrive masked and stay as stored unless retyped. */
export function InstanceSettings({ instanceName, go }: { instanceName: string; go(route: Route): void }) {
  const [instance, setInstance] = useState<ListedInstance | null>(null)
  const [sourceNames, setSourceNames] = useState<string[]>([])
  const [manifest, setManifest] = useState<DestinationManifest | null>(null)
  const [sources, setSources] = useState<string[]>([])
  const [settings, setSettings] = useState<Record<string, unknown>>({})
  const [error, setError] = useState<string | null>(null)

  useEffect(() => {
    consoleApi
      .destinations()
      .then(async (answer) => {
        const found = answer.destinations.find((candidate) => candidate.name === instanceName)
        if (!found) throw new Error(`no destination instance is named "${instanceName}"`)
        setInstance(found)
        setSourceNames(answer.sources.map((source) => source.name))
        setSources(found.sources)
        setSettings(found.settings)
        setManifest(await consoleApi.manifest(found.destination))
      })
      .catch((failure: unknown) => setError(errorText(failure)))
  }, [instanceName])

  if (!instance || !manifest)
    return error ? <div class="notice error">{error}</div> : <div class="loading">Loading…</div>
  const save = () =>
    consoleApi.saveInstance(instance.name, instanceBody(instance, { sources, settings })).then(
      () => go({ view: 'destinations' }),
      (failure: unknown) => setError(errorText(failure))
    )

  return (
    <section class="instance-settings" data-testid="instance-settings">
      <div class="row">
        <h2 class="grow">
          {instance.name} · {instance.destinationName}
        </h2>
        <button type="button" class="secondary" onClick={() => go({ view: 'destinations' })}>
          Cancel
        </button>
        <button type="button" class="primary" data-testid="save-instance" onClick={save}>
          Save
        </button>
      </div>
      {error && <div class="notice error">{error}</div>}
      <div class="panel">
        <SourcePicker sourceNames={sourceNames} sources={sources} onChange={setSources} />
      </div>
      <SettingsForm
        fields={manifest.destination.settings}
        settings={settings}
        onChange={setSettings}
        authenticate={async (values) => {
          const answer = await consoleApi.testCredentials(instance.destination, values, instance.name)
          if (!answer.ok) throw new Error(answer.message)
        }}
      />
    </section>
  )
}
