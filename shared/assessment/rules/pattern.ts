// How well the runner's story fits the source article's picture of exertional calf overload: gradual, dull or
// tight pain that starts a while into a run, builds as the run goes on, goes soon after stopping, and leaves
// little behind the next morning. The same picture overlaps compartment syndrome and artery entrapment, so
// the fit is only "typical" when enough supporting features are recorded and nothing points elsewhere.

import { SYMPTOMS } from '../norms'
import type { PatternRule } from './types'

const S = 'symptoms' as const
const OVERLOAD_WORDS: readonly string[] = ['cramping', 'tight', 'dull', 'heavy', 'aching']

export const PATTERN_RULE: PatternRule = {
  kind: 'pattern',
  id: 'exertional-calf-overload',
  title: 'Exertional calf overload',
  explanation:
    'The calf muscles are being asked to do more than they are ready for. Pain builds during the run and fades soon after, with no single moment of injury. The fit is typical only when at least five of the seven features are present, the questions about numbness, foot weakness, a cold foot and swelling have been answered, and nothing points to another cause.',
  source: 'calf-pain-in-runners; clinical-and-peers B1 (simple overload row), B2 green',
  typicalNeeds: 5,
  typicalRequiresAnswered: [
    [S, 'numbnessOrTingling'],
    [S, 'footWeakness'],
    [S, 'coldOrPaleFoot'],
    [S, 'swelling'],
  ],
  features: [
    // What the article describes
    { id: 'calf-location', uses: [[S, 'location']], role: 'supports', when: ({ symptoms }) => symptoms.location === 'calf' },
    { id: 'gradual-onset', uses: [[S, 'onset']], role: 'supports', when: ({ symptoms }) => symptoms.onset === 'gradual' },
    {
      id: 'overload-character',
      uses: [[S, 'character']],
      role: 'supports',
      when: ({ symptoms }) =>
        symptoms.character !== undefined &&
        symptoms.character.length > 0 &&
        symptoms.character.every((c) => OVERLOAD_WORDS.includes(c)),
    },
    {
      id: 'starts-into-the-run',
      uses: [[S, 'startsAfterMinutes']],
      role: 'supports',
      when: ({ symptoms }) => symptoms.startsAfterMinutes !== undefined && symptoms.startsAfterMinutes > 0,
    },
    {
      id: 'builds-during-the-run',
      uses: [[S, 'worsensAsRunContinues']],
      role: 'supports',
      when: ({ symptoms }) => symptoms.worsensAsRunContinues === true,
    },
    {
      id: 'settles-quickly',
      uses: [[S, 'settlesAfterStoppingMinutes']],
      role: 'supports',
      when: ({ symptoms }) => {
        const m = symptoms.settlesAfterStoppingMinutes
        return typeof m === 'number' && m <= SYMPTOMS.quickSettleMaxMinutes
      },
    },
    {
      id: 'little-next-morning',
      uses: [[S, 'nextMorningPain']],
      role: 'supports',
      when: ({ symptoms }) =>
        symptoms.nextMorningPain !== undefined && symptoms.nextMorningPain <= SYMPTOMS.nextMorningSafeMax,
    },

    // Mild mismatches: one keeps the fit partial, two make it atypical
    {
      id: 'does-not-build',
      uses: [[S, 'worsensAsRunContinues']],
      role: 'mismatch',
      when: ({ symptoms }) => symptoms.worsensAsRunContinues === false,
    },
    {
      id: 'hurts-from-the-start',
      uses: [[S, 'startsAfterMinutes']],
      role: 'mismatch',
      when: ({ symptoms }) => symptoms.startsAfterMinutes === 0,
    },
    {
      id: 'settles-slowly',
      uses: [[S, 'settlesAfterStoppingMinutes']],
      role: 'mismatch',
      when: ({ symptoms }) => {
        const m = symptoms.settlesAfterStoppingMinutes
        return typeof m === 'number' && m > SYMPTOMS.quickSettleMaxMinutes && m <= SYMPTOMS.slowSettleOverMinutes
      },
    },
    {
      id: 'sore-next-morning',
      uses: [[S, 'nextMorningPain']],
      role: 'mismatch',
      when: ({ symptoms }) =>
        symptoms.nextMorningPain !== undefined &&
        symptoms.nextMorningPain > SYMPTOMS.nextMorningSafeMax &&
        symptoms.nextMorningPain <= SYMPTOMS.nextMorningHighAbove,
    },
    {
      id: 'sharp-or-burning',
      uses: [[S, 'character']],
      role: 'mismatch',
      when: ({ symptoms }) => (symptoms.character ?? []).some((c) => c === 'sharp' || c === 'burning'),
    },
    {
      id: 'morning-stiffness',
      uses: [[S, 'morningStiffness']],
      role: 'mismatch',
      when: ({ symptoms }) => symptoms.morningStiffness === true,
    },
    // Both legs is common in overload (issue 10); being forced to stop at the same point is not (B1, B2).
    {
      id: 'forced-to-stop',
      uses: [[S, 'forcedToStop']],
      role: 'mismatch',
      when: ({ symptoms }) => symptoms.forcedToStop === true,
    },

    // Contradictions: the story points elsewhere
    {
      id: 'not-the-calf',
      uses: [[S, 'location']],
      role: 'contradicts',
      when: ({ symptoms }) => symptoms.location === 'achilles' || symptoms.location === 'shin',
    },
    {
      id: 'moment-of-injury',
      uses: [
        [S, 'onset'],
        [S, 'popOrKickSensation'],
      ],
      role: 'contradicts',
      when: ({ symptoms }) => symptoms.onset === 'sudden' || symptoms.popOrKickSensation === true,
    },
    {
      id: 'rest-or-night-pain',
      uses: [
        [S, 'painAtRest'],
        [S, 'nightPain'],
      ],
      role: 'contradicts',
      when: ({ symptoms }) => symptoms.painAtRest === true || symptoms.nightPain === true,
    },
    {
      id: 'swelling-heat-bruising',
      uses: [
        [S, 'swelling'],
        [S, 'warmthOrRedness'],
        [S, 'bruising'],
        [S, 'calfCircumferenceDifferenceCm'],
      ],
      role: 'contradicts',
      when: ({ symptoms }) =>
        symptoms.swelling === true ||
        symptoms.warmthOrRedness === true ||
        symptoms.bruising === true ||
        Math.abs(symptoms.calfCircumferenceDifferenceCm ?? 0) > SYMPTOMS.calfCircumferenceDvtCm,
    },
    {
      id: 'nerve-or-vessel-signs',
      uses: [
        [S, 'numbnessOrTingling'],
        [S, 'footWeakness'],
        [S, 'coldOrPaleFoot'],
      ],
      role: 'contradicts',
      when: ({ symptoms }) =>
        symptoms.numbnessOrTingling === true || symptoms.footWeakness === true || symptoms.coldOrPaleFoot === true,
    },
    {
      id: 'slow-or-no-settling',
      uses: [[S, 'settlesAfterStoppingMinutes']],
      role: 'contradicts',
      when: ({ symptoms }) => {
        const m = symptoms.settlesAfterStoppingMinutes
        return m === null || (typeof m === 'number' && m > SYMPTOMS.slowSettleOverMinutes)
      },
    },
    {
      id: 'high-next-morning',
      uses: [[S, 'nextMorningPain']],
      role: 'contradicts',
      when: ({ symptoms }) =>
        symptoms.nextMorningPain !== undefined && symptoms.nextMorningPain > SYMPTOMS.nextMorningHighAbove,
    },
    {
      id: 'bone-signs',
      uses: [
        [S, 'focalBoneTenderness'],
        [S, 'painfulHop'],
      ],
      role: 'contradicts',
      when: ({ symptoms }) => symptoms.focalBoneTenderness === true || symptoms.painfulHop === true,
    },
    {
      id: 'other-red-flags',
      uses: [
        [S, 'backPainOrRadiatingPain'],
        [S, 'chestPainOrBreathlessness'],
        [S, 'unableToHeelRaise'],
        [S, 'muscleHernia'],
        [S, 'saddleNumbnessOrBladderBowelChange'],
      ],
      role: 'contradicts',
      when: ({ symptoms }) =>
        symptoms.backPainOrRadiatingPain === true ||
        symptoms.chestPainOrBreathlessness === true ||
        symptoms.unableToHeelRaise === true ||
        symptoms.muscleHernia === true ||
        symptoms.saddleNumbnessOrBladderBowelChange === true,
    },
  ],
}
