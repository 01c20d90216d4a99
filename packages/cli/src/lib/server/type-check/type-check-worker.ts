// Runs in a child process: type-checks one destination (its entry file and what it imports) with
// the nearest tsconfig.json and sends back the errors in the destination's folder.
import path from 'path'
import ts from 'typescript'
import type { SourceProblem } from '../server-status'

// For a destination outside any TypeScript project (a scratch folder).
const DEFAULT_OPTIONS: ts.CompilerOptions = {
  strict: true,
  target: ts.ScriptTarget.ES2020,
  module: ts.ModuleKind.CommonJS,
  moduleResolution: ts.ModuleResolutionKind.Node10,
  esModuleInterop: true,
  resolveJsonModule: true
}

function compilerOptions(folder: string): ts.CompilerOptions {
  const configFile = ts.findConfigFile(folder, ts.sys.fileExists)
  if (!configFile) return DEFAULT_OPTIONS
  const read = ts.readConfigFile(configFile, ts.sys.readFile)
  if (read.error) return DEFAULT_OPTIONS
  return ts.parseJsonConfigFileContent(read.config, ts.sys, path.dirname(configFile)).options
}

export function typeCheck(entryFile: string): SourceProblem[] {
  const folder = path.dirname(path.resolve(entryFile))
  const options: ts.CompilerOptions = {
    ...compilerOptions(folder),
    // Check only: no output, no build info, no project-reference bookkeeping.
    noEmit: true,
    composite: false,
    incremental: false,
    declaration: false,
    declarationMap: false,
    emitDeclarationOnly: false,
    tsBuildInfoFile: undefined,
    skipLibCheck: true
  }
  const program = ts.createProgram([path.resolve(entryFile)], options)
  return ts
    .getPreEmitDiagnostics(program)
    .filter((diagnostic) => diagnostic.category === ts.DiagnosticCategory.Error)
    .filter((diagnostic) => !diagnostic.file || path.resolve(diagnostic.file.fileName).startsWith(folder + path.sep))
    .map((diagnostic) => {
      const message = ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n')
      if (!diagnostic.file || diagnostic.start === undefined) return { message }
      const { line, character } = diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start)
      return { message, file: path.resolve(diagnostic.file.fileName), line: line + 1, column: character + 1 }
    })
}

if (require.main === module && typeof process.send === 'function') {
  const entry = process.argv[2]
  try {
    process.send({ ok: true, errors: typeCheck(entry) })
  } catch (error) {
    process.send({ ok: false, message: error instanceof Error ? error.message : String(error) })
  }
}
