import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import Ajv from 'ajv'
import { load as loadYaml } from 'js-yaml'
import { describe, expect, it } from 'vitest'

const require = createRequire(import.meta.url)
const schema = require('app-builder-lib/scheme.json')
const validate = new Ajv({ allErrors: true, strict: false, coerceTypes: true }).compile(schema)
const config = loadYaml(readFileSync('electron-builder.yml', 'utf8')) as Record<string, unknown>

describe('electron-builder.yml', () => {
  it('validates against app-builder-lib’s schema (as electron-builder itself checks it)', () => {
    const ok = validate(config)
    expect(validate.errors ?? []).toEqual([])
    expect(ok).toBe(true)
  })
  it('the validator catches a typo, so the check above means something', () => {
    expect(validate({ ...config, nsis: { oneClik: false } })).toBe(false)
  })
  it('targets Linux AppImage + deb, Windows nsis and macOS dmg with our icon', () => {
    expect(config['appId']).toBe('org.calfcoach.desktop')
    expect(config['productName']).toBe('CalfCoach')
    expect((config['linux'] as { target: string[] }).target).toEqual(['AppImage', 'deb'])
    expect((config['win'] as { target: string[] }).target).toEqual(['nsis'])
    expect((config['mac'] as { target: string[] }).target).toEqual(['dmg'])
    expect(readFileSync(String(config['icon'])).subarray(1, 4).toString()).toBe('PNG')
  })
  it('sets the security fuses for packaged builds', () => {
    expect(config['electronFuses']).toMatchObject({ runAsNode: false, enableCookieEncryption: true, enableEmbeddedAsarIntegrityValidation: true, onlyLoadAppFromAsar: true })
  })
})
