// Okabe–Ito colours (Okabe & Ito 2008): distinguishable with the common colour-vision deficiencies.
// Every series also differs by shape or line style, so colour is never the only cue.
export const OKABE_ITO = {
  black: '#000000',
  orange: '#E69F00',
  skyBlue: '#56B4E9',
  bluishGreen: '#009E73',
  yellow: '#F0E442',
  blue: '#0072B2',
  vermillion: '#D55E00',
  reddishPurple: '#CC79A7',
} as const

export const CHART_COLOURS = {
  distance: OKABE_ITO.skyBlue,
  avgPain: OKABE_ITO.blue,
  maxPain: OKABE_ITO.vermillion,
  breach: OKABE_ITO.black,
  scatter: OKABE_ITO.blue,
  onset: OKABE_ITO.black,
} as const

/**
 * Runs in the pain-against-distance chart by how long ago they were: the most recent darkest. One hue, so
 * the order reads without colour vision too; the legend names each shade.
 */
export const AGE_SHADES = [
  { maxDays: 28, label: 'Last 4 weeks', fill: '#003f6b' },
  { maxDays: 84, label: '4 to 12 weeks ago', fill: OKABE_ITO.blue },
  { maxDays: Number.POSITIVE_INFINITY, label: 'Earlier', fill: '#8cc4e8' },
] as const

/** Pain zones of the pain-monitoring model (Silbernagel 2007): safe 0–2, acceptable up to 5, high risk above 5. */
export const PAIN_ZONES = [
  { from: 0, to: 2, label: 'Safe (0–2)', fill: OKABE_ITO.bluishGreen, opacity: 0.1 },
  { from: 2, to: 5, label: 'Acceptable (3–5)', fill: OKABE_ITO.yellow, opacity: 0.18 },
  { from: 5, to: 10, label: 'High risk (>5)', fill: OKABE_ITO.vermillion, opacity: 0.1 },
] as const
