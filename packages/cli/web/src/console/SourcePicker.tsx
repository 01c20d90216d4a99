/** Checkboxes choosing which configured sources an instance listens to. */
export function SourcePicker({
  sourceNames,
  sources,
  onChange
}: {
  sourceNames: string[]
  sources: string[]
  onChange(sources: string[]): void
}) {
  return (
    <div class="block">
      Sources {sourceNames.length === 0 && <span class="note">(no sources configured)</span>}
      {sourceNames.map((source) => (
        <label class="inline">
          <input
            type="checkbox"
            data-testid={`source-${source}`}
            checked={sources.includes(source)}
            onChange={(e) =>
              onChange(e.currentTarget.checked ? [...sources, source] : sources.filter((other) => other !== source))
            }
          />{' '}
          {source}
        </label>
      ))}
    </div>
  )
}
