import { useEffect, useState } from 'preact/hooks'
import {
  conditionsToFql,
  fqlToConditions,
  parseFql,
  type ConditionGroup,
  type ConditionRule
} from '@action-destinations/destination-subscriptions'

const EVENT_TYPES = ['track', 'identify', 'page', 'screen', 'group', 'alias']

// Every operator the product's condition builder offers, by kind of condition.
const OPERATORS: Record<ConditionRule['type'], Array<[string, string]>> = {
  'event-type': [
    ['is', 'is'],
    ['is_not', 'is not']
  ],
  event: [
    ['is', 'is'],
    ['is_not', 'is not'],
    ['contains', 'contains'],
    ['not_contains', 'does not contain'],
    ['starts_with', 'starts with'],
    ['ends_with', 'ends with']
  ],
  'event-property': [
    ['is', 'is'],
    ['is_not', 'is not'],
    ['less_than', 'less than'],
    ['less_than_or_equal', 'less than or equal to'],
    ['greater_than', 'greater than'],
    ['greater_than_or_equal', 'greater than or equal to'],
    ['contains', 'contains'],
    ['not_contains', 'does not contain'],
    ['starts_with', 'starts with'],
    ['ends_with', 'ends with'],
    ['exists', 'exists'],
    ['not_exists', 'does not exist']
  ]
}

const ORDERING = new Set(['less_than', 'less_than_or_equal', 'greater_than', 'greater_than_or_equal'])

type ValueKind = 'string' | 'number' | 'boolean'

function kindOf(value: unknown): ValueKind {
  return typeof value === 'number' ? 'number' : typeof value === 'boolean' ? 'boolean' : 'string'
}

function coerce(text: string, kind: ValueKind): string | number | boolean {
  if (kind === 'number') return text.trim() === '' || Number.isNaN(Number(text)) ? text : Number(text)
  if (kind === 'boolean') return text === 'true'
  return text
}

function freshRule(type: ConditionRule['type']): ConditionRule {
  if (type === 'event-type') return { type, operator: 'is', value: 'track' }
  if (type === 'event') return { type, operator: 'is', value: '' }
  return { type, property: 'properties.', operator: 'exists' }
}

interface TextError {
  message: string
  line?: number
  column?: number
}

/**
 * Where an FQL error points, drawn under the text like a compiler does. The error's own line and
 * column come first: a message can name more than one position (e.g. where a "(" was opened).
 */
function caretLine(text: string, error: TextError): string | null {
  const match = /line (\d+), column (\d+)/.exec(error.message)
  const line = error.line ?? (match ? Number(match[1]) : undefined)
  const column = error.column ?? (match ? Number(match[2]) : undefined)
  if (line === undefined || column === undefined) return null
  return `${text.split('\n')[line - 1] ?? ''}\n${' '.repeat(Math.max(0, column - 1))}^`
}

interface Props {
  fql: string
  onChange(fql: string): void
}

/** One ALL / ANY group of conditions, kept in step with the FQL text both ways. */
export function ConditionsBuilder({ fql, onChange }: Props) {
  const [text, setText] = useState(fql)
  const [group, setGroup] = useState<ConditionGroup | null>(null)
  const [textError, setTextError] = useState<TextError | null>(null)
  const [builderNote, setBuilderNote] = useState<string | null>(null)

  const readText = (value: string): void => {
    const ast = parseFql(value) as { error?: { message?: string; line?: unknown; column?: unknown } }
    if (ast.error) {
      const { message, line, column } = ast.error
      setTextError({
        message: String(message),
        line: typeof line === 'number' ? line : undefined,
        column: typeof column === 'number' ? column : undefined
      })
      return
    }
    setTextError(null)
    try {
      setGroup(fqlToConditions(value))
      setBuilderNote(null)
    } catch (error) {
      setGroup(null)
      setBuilderNote(
        `The builder cannot show this FQL (${error instanceof Error ? error.message : String(error)}); edit the text.`
      )
    }
  }

  // Another subscription selected, or the FQL replaced from outside: start again from it.
  useEffect(() => {
    if (fql !== text || group === null) {
      setText(fql)
      readText(fql)
    }
  }, [fql])

  const editText = (value: string): void => {
    setText(value)
    readText(value)
    const ast = parseFql(value) as { error?: unknown }
    if (!ast.error) onChange(value)
  }

  const editGroup = (next: ConditionGroup): void => {
    setGroup(next)
    if (next.conditions.length === 0) {
      setBuilderNote('Add at least one condition.')
      return
    }
    try {
      const written = conditionsToFql(next)
      setBuilderNote(null)
      setText(written)
      setTextError(null)
      onChange(written)
    } catch (error) {
      setBuilderNote(error instanceof Error ? error.message : String(error))
    }
  }

  const setRule = (index: number, rule: ConditionRule): void => {
    if (!group) return
    editGroup({ ...group, conditions: group.conditions.map((old, i) => (i === index ? rule : old)) })
  }

  const caret = textError ? caretLine(text, textError) : null
  return (
    <div class="conditions">
      {group && (
        <div class="builder" data-testid="conditions-builder">
          <div class="row">
            <span>If</span>
            <select
              data-testid="group-operator"
              value={group.operator}
              onChange={(e) => editGroup({ ...group, operator: e.currentTarget.value as 'ALL' | 'ANY' })}
            >
              <option value="ALL">ALL</option>
              <option value="ANY">ANY</option>
            </select>
            <span>of the following conditions are true:</span>
          </div>
          {group.conditions.map((rule, index) => (
            <RuleRow
              key={index}
              index={index}
              rule={rule}
              onChange={(next) => setRule(index, next)}
              onRemove={() => editGroup({ ...group, conditions: group.conditions.filter((_r, i) => i !== index) })}
            />
          ))}
          <div class="row">
            {(['event-type', 'event', 'event-property'] as const).map((type) => (
              <button
                type="button"
                class="secondary"
                data-testid={`add-condition-${type}`}
                onClick={() => editGroup({ ...group, conditions: [...group.conditions, freshRule(type)] })}
              >
                + {type === 'event-type' ? 'Event type' : type === 'event' ? 'Event name' : 'Event property'}
              </button>
            ))}
          </div>
        </div>
      )}
      {builderNote && (
        <p class="note" data-testid="builder-note">
          {builderNote}
        </p>
      )}
      <label class="block">
        FQL
        <textarea
          data-testid="fql-text"
          class="code"
          rows={3}
          spellcheck={false}
          value={text}
          onInput={(e) => editText(e.currentTarget.value)}
        />
      </label>
      {textError && (
        <div class="error" data-testid="fql-error">
          {textError.message}
          {caret && <pre class="caret">{caret}</pre>}
        </div>
      )}
    </div>
  )
}

interface RuleProps {
  index: number
  rule: ConditionRule
  onChange(rule: ConditionRule): void
  onRemove(): void
}

function RuleRow({ index, rule, onChange, onRemove }: RuleProps) {
  const [kind, setKind] = useState<ValueKind>(kindOf('value' in rule ? rule.value : undefined))
  const changeType = (type: ConditionRule['type']) => onChange(freshRule(type))
  const operator = (value: string) => {
    if (rule.type === 'event-property') {
      const next = { ...rule, operator: value as typeof rule.operator }
      if (value === 'exists' || value === 'not_exists') delete next.value
      else if (ORDERING.has(value)) next.value = typeof rule.value === 'number' ? rule.value : 0
      else if (next.value === undefined) next.value = ''
      onChange(next)
    } else {
      onChange({ ...rule, operator: value } as ConditionRule)
    }
  }
  return (
    <div class="row condition" data-testid={`condition-${index}`}>
      <select
        data-testid={`condition-${index}-type`}
        value={rule.type}
        onChange={(e) => changeType(e.currentTarget.value as ConditionRule['type'])}
      >
        <option value="event-type">Event type</option>
        <option value="event">Event name</option>
        <option value="event-property">Event property</option>
      </select>
      {rule.type === 'event-property' && (
        <input
          data-testid={`condition-${index}-property`}
          placeholder="properties.order.total"
          value={rule.property}
          onInput={(e) => onChange({ ...rule, property: e.currentTarget.value })}
        />
      )}
      <select
        data-testid={`condition-${index}-operator`}
        value={rule.operator}
        onChange={(e) => operator(e.currentTarget.value)}
      >
        {OPERATORS[rule.type].map(([value, label]) => (
          <option value={value}>{label}</option>
        ))}
      </select>
      {rule.type === 'event-type' && (
        <select
          data-testid={`condition-${index}-value`}
          value={rule.value}
          onChange={(e) => onChange({ ...rule, value: e.currentTarget.value })}
        >
          {EVENT_TYPES.map((type) => (
            <option value={type}>{type}</option>
          ))}
        </select>
      )}
      {rule.type === 'event' && (
        <input
          data-testid={`condition-${index}-value`}
          placeholder="Order Completed"
          value={rule.value}
          onInput={(e) => onChange({ ...rule, value: e.currentTarget.value })}
        />
      )}
      {rule.type === 'event-property' && rule.operator !== 'exists' && rule.operator !== 'not_exists' && (
        <>
          <input
            data-testid={`condition-${index}-value`}
            type={ORDERING.has(rule.operator) ? 'number' : 'text'}
            value={rule.value === undefined ? '' : String(rule.value)}
            onInput={(e) =>
              onChange({
                ...rule,
                value: coerce(e.currentTarget.value, ORDERING.has(rule.operator) ? 'number' : kind)
              })
            }
          />
          {(rule.operator === 'is' || rule.operator === 'is_not') && (
            <select
              title="Value type"
              value={kind}
              onChange={(e) => {
                const next = e.currentTarget.value as ValueKind
                setKind(next)
                onChange({ ...rule, value: coerce(String(rule.value ?? ''), next) })
              }}
            >
              <option value="string">text</option>
              <option value="number">number</option>
              <option value="boolean">true/false</option>
            </select>
          )}
        </>
      )}
      <button type="button" class="icon" title="Remove condition" onClick={onRemove}>
        ×
      </button>
    </div>
  )
}
