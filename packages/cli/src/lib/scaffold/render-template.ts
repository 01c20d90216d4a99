import fs from 'fs'
import path from 'path'

/** A TypeScript single-quoted string literal for `value`. */
export function tsString(value: string): string {
  return `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'").replace(/\n/g, '\\n').replace(/\r/g, '\\r')}'`
}

/** Replaces `{{key}}`; a placeholder without a value is a bug in the template, so it throws. */
export function renderTemplate(text: string, vars: Record<string, string>, source: string): string {
  return text.replace(/\{\{(\w+)\}\}/g, (_match, key: string) => {
    if (!Object.prototype.hasOwnProperty.call(vars, key)) throw new Error(`${source}: unknown placeholder {{${key}}}`)
    return vars[key]
  })
}

/** Every file under `dir` (relative paths), templates included. */
export function listFiles(dir: string, prefix = ''): string[] {
  const out: string[] = []
  for (const entry of fs.readdirSync(path.join(dir, prefix), { withFileTypes: true })) {
    const relative = path.join(prefix, entry.name)
    if (entry.isDirectory()) out.push(...listFiles(dir, relative))
    else out.push(relative)
  }
  return out.sort()
}

/**
 * Renders every `*.tpl` under `templateDir` into `targetDir` (dropping the suffix) and returns
 * the written paths. Refuses to overwrite existing files.
 */
export function writeTemplateDir(templateDir: string, targetDir: string, vars: Record<string, string>): string[] {
  const written: string[] = []
  const plan = listFiles(templateDir)
    .filter((file) => file.endsWith('.tpl'))
    .map((file) => ({
      source: path.join(templateDir, file),
      target: path.join(targetDir, file.slice(0, -'.tpl'.length))
    }))
  const clash = plan.find(({ target }) => fs.existsSync(target))
  if (clash) throw new Error(`${clash.target} already exists; not overwriting it`)
  for (const { source, target } of plan) {
    fs.mkdirSync(path.dirname(target), { recursive: true })
    fs.writeFileSync(target, renderTemplate(fs.readFileSync(source, 'utf8'), vars, source))
    written.push(target)
  }
  return written
}

/** Formats written TypeScript with the repo's prettier config (or the project style outside it). */
export async function formatFiles(files: string[]): Promise<void> {
  const prettier = await import('prettier')
  for (const file of files.filter((candidate) => /\.(ts|json)$/.test(candidate))) {
    const config = (await prettier.resolveConfig(file)) ?? {
      semi: false,
      singleQuote: true,
      printWidth: 120,
      trailingComma: 'none' as const
    }
    fs.writeFileSync(file, await prettier.format(fs.readFileSync(file, 'utf8'), { ...config, filepath: file }))
  }
}
