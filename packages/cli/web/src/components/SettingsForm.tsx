import { useState } from 'preact/hooks'
import { api } from '../api'
import type { FieldInfo } from '../types'

interface Props {
  fields: Record<string, FieldInfo>
  settings: Record<string, unknown>
  onChange(settings: Record<string, unknown>): void
  /** Whether passwords are kept in the tab's sessionStorage too; with its handler, the form offers the choice. */
  keepPasswords?: boolean
  onKeepPasswordsChange?(keep: boolean): void
  /** Checks the credentials; rejects with the reason. Default: the tester's POST /authenticate. */
  authenticate?: (settings: Record<string, unknown>) => Promise<unknown>
}

/** The destination's authentication fields as a form; passwords stay masked. */
export function SettingsForm({
  fields,
  settings,
  onChange,
  keepPasswords,
  onKeepPasswordsChange,
  authenticate = api.authenticate
}: Props) {
  const [status, setStatus] = useState<{ ok: boolean; message: string } | null>(null)
  const [busy, setBusy] = useState(false)
  const set = (key: string, value: unknown) => onChange({ ...settings, [key]: value })
  const test = async () => {
    setBusy(true)
    try {
      await authenticate(settings)
      setStatus({ ok: true, message: 'Credentials are valid' })
    } catch (error) {
      setStatus({ ok: false, message: error instanceof Error ? error.message : String(error) })
    } finally {
      setBusy(false)
    }
  }
  const keys = Object.keys(fields)
  const hasPasswords = keys.some((key) => fields[key].type === 'password')
  return (
    <section class="panel" data-testid="settings">
      <h2>Settings</h2>
      {keys.length === 0 && <p class="note">This destination has no settings.</p>}
      {keys.map((key) => {
        const field = fields[key]
        const value = settings[key]
        return (
          <label class="block" title={field.description}>
            {field.label ?? key}
            {field.required && <span class="required">*</span>}
            {field.type === 'boolean' ? (
              <input
                type="checkbox"
                data-testid={`setting-${key}`}
                checked={value === true}
                onChange={(e) => set(key, e.currentTarget.checked)}
              />
            ) : (
              <input
                data-testid={`setting-${key}`}
                type={field.type === 'password' ? 'password' : field.type === 'number' ? 'number' : 'text'}
                autocomplete="off"
                value={value === undefined ? '' : String(value)}
                onInput={(e) => {
                  const text = e.currentTarget.value
                  set(key, field.type === 'number' && text !== '' ? Number(text) : text)
                }}
              />
            )}
          </label>
        )
      })}
      {onKeepPasswordsChange && keys.length > 0 && (
        <p class="note" data-testid="settings-storage-note">
          Kept for this tab until it closes (sessionStorage; the server never writes settings to disk).{' '}
          {hasPasswords && (keepPasswords ? 'Passwords are kept too.' : 'Passwords are not kept.')}
        </p>
      )}
      {onKeepPasswordsChange && hasPasswords && (
        <label class="note keep-passwords">
          <input
            type="checkbox"
            data-testid="keep-passwords"
            checked={keepPasswords === true}
            onChange={(e) => onKeepPasswordsChange(e.currentTarget.checked)}
          />{' '}
          Also keep passwords in this tab
        </label>
      )}
      <button type="button" data-testid="test-credentials" disabled={busy} onClick={test}>
        Test credentials
      </button>
      {status && (
        <div class={status.ok ? 'ok' : 'error'} data-testid="credentials-status">
          {status.message}
        </div>
      )}
    </section>
  )
}
