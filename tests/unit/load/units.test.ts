import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import {
  convertPace,
  formatDistance,
  formatDuration,
  formatPace,
  fromDisplayDistance,
  kmToMiles,
  localiseDistanceText,
  milesToKm,
  paceSecPerUnit,
  parseDuration,
  toDisplayDistance,
} from '../../../shared/units'

const distance = fc.double({ min: 0, max: 1000, noNaN: true, noDefaultInfinity: true })

describe('distance conversion', () => {
  it('uses the exact international mile', () => {
    expect(milesToKm(1)).toBe(1.609344)
    expect(kmToMiles(1.609344)).toBe(1)
    expect(kmToMiles(10)).toBeCloseTo(6.21371192, 8)
    expect(milesToKm(26.2)).toBeCloseTo(42.1648128, 7)
  })

  it('round-trips km → mi → km and mi → km → mi (property)', () => {
    fc.assert(
      fc.property(distance, (km) => {
        expect(milesToKm(kmToMiles(km))).toBeCloseTo(km, 9)
        expect(kmToMiles(milesToKm(km))).toBeCloseTo(km, 9)
      }),
    )
  })

  it('round-trips display ↔ stored for both units (property)', () => {
    fc.assert(
      fc.property(distance, fc.constantFrom('km' as const, 'mi' as const), (km, unit) => {
        expect(fromDisplayDistance(toDisplayDistance(km, unit), unit)).toBeCloseTo(km, 9)
      }),
    )
  })

  it('is monotonic: a longer distance never converts to a shorter one (property)', () => {
    fc.assert(
      fc.property(distance, distance, (a, b) => {
        const [lo, hi] = a <= b ? [a, b] : [b, a]
        expect(kmToMiles(lo)).toBeLessThanOrEqual(kmToMiles(hi))
        expect(milesToKm(lo)).toBeLessThanOrEqual(milesToKm(hi))
      }),
    )
  })

  it('is strictly monotonic at metre resolution, and miles are smaller numbers than km (property)', () => {
    const metres = fc.integer({ min: 0, max: 1_000_000 })
    fc.assert(
      fc.property(metres, metres, (a, b) => {
        fc.pre(a !== b)
        const [lo, hi] = a < b ? [a / 1000, b / 1000] : [b / 1000, a / 1000]
        expect(kmToMiles(lo)).toBeLessThan(kmToMiles(hi))
        expect(toDisplayDistance(lo, 'mi')).toBeLessThan(toDisplayDistance(hi, 'mi'))
        expect(kmToMiles(hi)).toBeLessThan(hi)
      }),
    )
  })

  it('km display is the identity', () => {
    expect(toDisplayDistance(7.3, 'km')).toBe(7.3)
    expect(fromDisplayDistance(7.3, 'km')).toBe(7.3)
  })
})

describe('formatDistance', () => {
  it('formats in the chosen unit with one decimal by default', () => {
    expect(formatDistance(10, 'km')).toBe('10.0 km')
    expect(formatDistance(10, 'mi')).toBe('6.2 mi')
    expect(formatDistance(6.25, 'km', 2)).toBe('6.25 km')
    expect(formatDistance(5, 'mi', 2)).toBe('3.11 mi')
    expect(formatDistance(42.195, 'km', 0)).toBe('42 km')
  })
  it('never prints negative zero or NaN', () => {
    expect(formatDistance(-0.0001, 'km')).toBe('0.0 km')
    expect(formatDistance(Number.NaN, 'km')).toBe('–')
  })
})

describe('formatDuration / parseDuration', () => {
  it('formats h:mm:ss and m:ss', () => {
    expect(formatDuration(3723)).toBe('1:02:03')
    expect(formatDuration(2730)).toBe('45:30')
    expect(formatDuration(7)).toBe('0:07')
    expect(formatDuration(36000)).toBe('10:00:00')
  })
  it('carries at 60 after rounding (never "0:60")', () => {
    expect(formatDuration(59.6)).toBe('1:00')
    expect(formatDuration(3599.5)).toBe('1:00:00')
  })
  it('parses what coaches type', () => {
    expect(parseDuration('45:30')).toBe(2730)
    expect(parseDuration('1:02:03')).toBe(3723)
    expect(parseDuration(' 0:59 ')).toBe(59)
    expect(parseDuration('45')).toBe(2700)
    expect(parseDuration('45.5')).toBe(2730)
    expect(parseDuration('1h 2m 3s')).toBe(3723)
    expect(parseDuration('1h30')).toBe(5400)
    expect(parseDuration('45 min')).toBe(2700)
    expect(parseDuration('90s')).toBe(90)
    expect(parseDuration('1.5h')).toBe(5400)
  })
  it('rejects nonsense', () => {
    for (const bad of ['', '   ', 'abc', '45:60', '1:60:00', '1:00:60', '-5', '0', '0:00', '1h75', '12:3a']) {
      expect(parseDuration(bad), bad).toBeNull()
    }
  })
  it('round-trips whole seconds (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 7 * 86_400 }), (sec) => {
        expect(parseDuration(formatDuration(sec))).toBe(sec)
      }),
    )
  })
})

describe('pace', () => {
  it('computes and formats pace per km and per mile', () => {
    expect(paceSecPerUnit(5, 1500, 'km')).toBe(300)
    expect(formatPace(300, 'km')).toBe('5:00 /km')
    // 1 mile = 1.609344 km, so 5:00 /km = 482.8 s /mi = 8:03 /mi.
    expect(paceSecPerUnit(5, 1500, 'mi')).toBeCloseTo(482.8032, 4)
    expect(formatPace(paceSecPerUnit(5, 1500, 'mi'), 'mi')).toBe('8:03 /mi')
    expect(formatPace(299.6, 'km')).toBe('5:00 /km')
    expect(paceSecPerUnit(0, 1500, 'km')).toBeNull()
    expect(formatPace(null, 'km')).toBe('–')
  })
  it('a pace per mile is always slower (more seconds) than per km, and converts back (property)', () => {
    fc.assert(
      fc.property(fc.double({ min: 60, max: 1800, noNaN: true }), (secPerKm) => {
        const perMile = convertPace(secPerKm, 'km', 'mi')
        expect(perMile).toBeGreaterThan(secPerKm)
        expect(convertPace(perMile, 'mi', 'km')).toBeCloseTo(secPerKm, 9)
      }),
    )
  })
  it('formatted pace seconds are always 00–59 (property)', () => {
    fc.assert(
      fc.property(fc.double({ min: 1, max: 10_000, noNaN: true }), (p) => {
        const m = /^(\d+):(\d{2}) \/km$/.exec(formatPace(p, 'km'))
        expect(m).not.toBeNull()
        expect(Number(m?.[2])).toBeLessThan(60)
      }),
    )
  })
})

describe('localiseDistanceText', () => {
  it('leaves km text alone for a km coach', () => {
    expect(localiseDistanceText('Go up to 22.0 km this week', 'km')).toBe('Go up to 22.0 km this week')
  })
  it('converts every distance in a sentence for a miles coach, keeping the rest', () => {
    expect(localiseDistanceText('Go up to 22.0 km this week; no run over 8.8 km; 10 % more at most.', 'mi')).toBe(
      'Go up to 13.7 mi this week; no run over 5.5 mi; 10 % more at most.',
    )
    expect(localiseDistanceText('The run on 2026-11-26 (7 km) was 17 % longer than the longest (6km).', 'mi')).toBe(
      'The run on 2026-11-26 (4.3 mi) was 17 % longer than the longest (3.7mi).',
    )
  })
  it('does not touch words that merely contain km, or numbers without a unit', () => {
    expect(localiseDistanceText('kmh 5 kms, 12 runs, week 3', 'mi')).toBe('kmh 5 kms, 12 runs, week 3')
  })
  it('agrees with formatDistance for any distance', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 4000 }), (tenths) => {
        const km = tenths / 10
        expect(localiseDistanceText(`${km.toFixed(1)} km`, 'mi')).toBe(formatDistance(km, 'mi', 1))
      }),
    )
  })
})
