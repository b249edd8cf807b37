/**
 * `npm run typecheck`: the three TypeScript projects, checked side by side with TypeScript 7's native
 * compiler (the `typescript-native` alias of typescript@7: the same checks as 6.x at about a quarter of
 * the CPU time). typescript-eslint still needs the 6.x JavaScript API, which 7 does not ship, so the
 * `typescript` dependency stays on 6.x for the linter and editors.
 *   tsconfig.json           everything, with Node and DOM types
 *   tsconfig.shared.json    the domain core with neither (shared/ must stay pure)
 *   tsconfig.renderer.json  the renderer with DOM types only (no Node in the window)
 * Prints each project's errors under its name and exits non-zero when any project fails.
 */
import { spawn } from 'node:child_process'
import { createRequire } from 'node:module'
import path from 'node:path'

// The package exports no bin path, so the script is found beside its package.json.
const tsc = path.join(path.dirname(createRequire(import.meta.url).resolve('typescript-native/package.json')), 'bin', 'tsc')
const projects = ['tsconfig.json', 'tsconfig.shared.json', 'tsconfig.renderer.json']

function check(project) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [tsc, '-p', project], { stdio: ['ignore', 'pipe', 'pipe'] })
    let output = ''
    child.stdout.on('data', (chunk) => (output += chunk))
    child.stderr.on('data', (chunk) => (output += chunk))
    child.on('error', (error) => resolve({ project, ok: false, output: `could not start tsc: ${error.message}` }))
    child.on('close', (code) => resolve({ project, ok: code === 0, output }))
  })
}

const results = await Promise.all(projects.map(check))
for (const { project, ok, output } of results) {
  console.log(`${ok ? 'ok  ' : 'FAIL'} tsc -p ${project}`)
  if (output.trim()) console.log(output.trimEnd())
}
process.exitCode = results.every((r) => r.ok) ? 0 : 1
