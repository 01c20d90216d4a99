import { useState } from 'preact/hooks'
import type { ActionInfo, FieldInfo, FieldProblem } from '../types'
import { JsonInput } from './JsonInput'

type Mode = 'literal' | 'path' | 'directive'

function modeOf(value: unknown): Mode {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return 'literal'
  const keys = Object.keys(value)
  if (keys.length === 1 && keys[0] === '@path' && typeof (value as Record<string, unknown>)['@path'] === 'string') {
    return 'path'
  }
  return keys.some((key) => key.startsWith('@')) ? 'directive' : 'literal'
}

// Simple field types edit in one input; objects, arrays and `multiple` fields edit as JSON.
function isScalar(field: FieldInfo): boolean {
  return !field.multiple && field.type !== 'object'
}

function literalFrom(text: string, field: FieldInfo): unknown {
  if ((field.type === 'number' || field.type === 'integer') && text.trim() !== '' && !Number.isNaN(Number(text))) {
    return Number(text)
  }
  return text
}

function choiceValues(field: FieldInfo): Array<{ label: string; value: string }> {
  return (field.choices ?? []).map((choice) =>
    typeof choice === 'string'
      ? { label: choice, value: choice }
      : { label: choice.label ?? String(choice.value), value: String(choice.value) }
  )
}

interface Props {
  action: ActionInfo
  mapping: Record<string, unknown>
  paths: string[]
  problems: FieldProblem[]
  onChange(mapping: Record<string, unknown>): void
}

/** One row per mapped field: required ones always, optional ones added with "+". */
export function MappingEditor({ action, mapping, paths, problems, onChange }: Props) {
  const [adding, setAdding] = useState('')
  const keys = Object.keys(action.fields).filter((key) => action.fields[key].required || key in mapping)
  const optional = Object.keys(action.fields).filter((key) => !keys.includes(key))
  const set = (key: string, value: unknown): void => onChange({ ...mapping, [key]: value })
  const remove = (key: string): void => {
    const next = { ...mapping }
    delete next[key]
    onChange(next)
  }
  const general = problems.filter((problem) => !problem.field || !(problem.field in action.fields))
  if (Object.keys(action.fields).length === 0) {
    return (
      <div class="mapping" data-testid="mapping-editor">
        <p class="note" data-testid="mapping-no-fields">
          This action has no fields, so there is nothing to map: it runs with an empty payload.
        </p>
      </div>
    )
  }
  return (
    <div class="mapping" data-testid="mapping-editor">
      {general.map((problem) => (
        <div class="error">{problem.message}</div>
      ))}
      <table>
        <tbody>
          {keys.map((key) => (
            <FieldRow
              fieldKey={key}
              field={action.fields[key]}
              value={mapping[key]}
              paths={paths}
              problems={problems.filter((problem) => problem.field === key)}
              onChange={(value) => set(key, value)}
              onRemove={action.fields[key].required ? undefined : () => remove(key)}
            />
          ))}
        </tbody>
      </table>
      {optional.length > 0 && (
        <div class="row">
          <select data-testid="add-field-select" value={adding} onChange={(e) => setAdding(e.currentTarget.value)}>
            <option value="">Add an optional field…</option>
            {optional.map((key) => (
              <option value={key}>{action.fields[key].label ?? key}</option>
            ))}
          </select>
          <button
            type="button"
            data-testid="add-field"
            disabled={!adding}
            onClick={() => {
              const field = action.fields[adding]
              set(adding, field.default !== undefined ? field.default : '')
              setAdding('')
            }}
          >
            +
          </button>
        </div>
      )}
    </div>
  )
}

interface RowProps {
  fieldKey: string
  field: FieldInfo
  value: unknown
  paths: string[]
  problems: FieldProblem[]
  onChange(value: unknown): void
  onRemove?: () => void
}

function FieldRow({ fieldKey, field, value, paths, problems, onChange, onRemove }: RowProps) {
  // While the JSON text does not parse, the server's problems describe the previous value: hide them.
  const [jsonError, setJsonError] = useState<string | null>(null)
  const shown = jsonError ? [] : problems
  const mode = modeOf(value)
  const switchMode = (next: Mode): void => {
    setJsonError(null)
    if (next === 'path') onChange({ '@path': paths[0] ?? '$.' })
    else if (next === 'directive') onChange({ '@template': '{{properties.name}}' })
    else onChange(field.type === 'boolean' ? false : field.type === 'object' ? {} : '')
  }
  const current = mode === 'path' ? String((value as Record<string, unknown>)['@path']) : ''
  return (
    <tr data-testid={`field-${fieldKey}`} class={shown.length || jsonError ? 'has-error' : ''}>
      <th title={field.description}>
        {field.label ?? fieldKey}
        {field.required && <span class="required">*</span>}
        <div class="key">{fieldKey}</div>
      </th>
      <td class="mode">
        <select
          data-testid={`mode-${fieldKey}`}
          value={mode}
          onChange={(e) => switchMode(e.currentTarget.value as Mode)}
        >
          <option value="literal">Literal</option>
          <option value="path">Event path</option>
          <option value="directive">Directive (JSON)</option>
        </select>
      </td>
      <td class="value">
        {mode === 'path' && (
          <div class="row">
            <select
              data-testid={`path-picker-${fieldKey}`}
              value={paths.includes(current) ? current : ''}
              onChange={(e) => e.currentTarget.value && onChange({ '@path': e.currentTarget.value })}
            >
              <option value="">Pick a path in the sample…</option>
              <option value="$.">$. (the whole event)</option>
              {paths.map((path) => (
                <option value={path}>{path}</option>
              ))}
            </select>
            <input
              class="code"
              data-testid={`path-input-${fieldKey}`}
              value={current}
              onInput={(e) => onChange({ '@path': e.currentTarget.value })}
            />
          </div>
        )}
        {mode === 'directive' && (
          <JsonInput value={value} testId={`value-${fieldKey}`} onChange={onChange} onInvalid={setJsonError} />
        )}
        {mode === 'literal' && isScalar(field) && field.type === 'boolean' && (
          <input
            type="checkbox"
            data-testid={`value-${fieldKey}`}
            checked={value === true}
            onChange={(e) => onChange(e.currentTarget.checked)}
          />
        )}
        {mode === 'literal' && isScalar(field) && field.type !== 'boolean' && field.choices && (
          <select
            data-testid={`value-${fieldKey}`}
            value={String(value ?? '')}
            onChange={(e) => onChange(e.currentTarget.value)}
          >
            <option value="">—</option>
            {choiceValues(field).map((choice) => (
              <option value={choice.value}>{choice.label}</option>
            ))}
          </select>
        )}
        {mode === 'literal' && isScalar(field) && field.type !== 'boolean' && !field.choices && (
          <input
            data-testid={`value-${fieldKey}`}
            value={value === undefined || value === null ? '' : String(value)}
            onInput={(e) => onChange(literalFrom(e.currentTarget.value, field))}
          />
        )}
        {mode === 'literal' && !isScalar(field) && (
          <JsonInput value={value} testId={`value-${fieldKey}`} onChange={onChange} onInvalid={setJsonError} />
        )}
        {shown.map((problem) => (
          <div class="error small" data-testid={`field-error-${fieldKey}`}>
            {problem.message}
          </div>
        ))}
      </td>
      <td class="remove">
        {onRemove && (
          <button type="button" class="icon" title="Remove this field" onClick={onRemove}>
            ×
          </button>
        )}
      </td>
    </tr>
  )
}
