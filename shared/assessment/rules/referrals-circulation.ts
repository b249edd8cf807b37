// Referrals for clots, blood supply and compartment pressure: pulmonary embolism, DVT, exertional
// compartment syndrome and popliteal artery entrapment. Listed in evaluation order in referrals.ts.

import { ARTERIAL_CHECK_AGE, SYMPTOMS } from '../norms'
import type { VascularRiskFactor } from '../schema'
import { flagTrigger } from './findings'
import type { ReferralRule } from './types'
import { fmt } from './types'

const S = 'symptoms' as const
const H = 'history' as const

export const PULMONARY_EMBOLISM: ReferralRule = {
  kind: 'referral',
  id: 'possible-pulmonary-embolism',
  title: 'Possible clot on the lungs',
  explanation:
    'Chest pain or breathlessness in a runner with a painful calf can mean a clot has moved from the leg to the lungs. This is an emergency whatever else was found.',
  source: 'clinical-and-peers B1 (DVT row: chest pain/breathlessness = PE emergency), B2 red',
  triggers: [
    flagTrigger({
      id: 'chest-pain-or-breathlessness',
      field: [S, 'chestPainOrBreathlessness'],
      urgency: 'emergency',
      text: 'Chest pain or breathlessness together with leg pain: call emergency services now.',
    }),
  ],
}

export const DVT: ReferralRule = {
  kind: 'referral',
  id: 'suspected-dvt',
  title: 'Possible blood clot in the leg (DVT)',
  explanation:
    'A clot in a deep calf vein can feel like a tight, sore calf. Swelling, warmth or redness, a calf clearly bigger than the other, and risk factors such as recent surgery, a cast, a long journey, a previous clot or cancer all call for a same-day medical check and no running or calf massage until then. Even after a calf injury a clot must be ruled out, because the two can occur together.',
  source: 'Wells 1997; primary-care DVT rule; American Running Association (clinical-and-peers B1 DVT row, B2 red)',
  triggers: [
    flagTrigger({
      id: 'calf-swelling',
      field: [S, 'swelling'],
      urgency: 'same-day',
      text: 'The calf is swollen: a clot has to be ruled out the same day, even if there was an injury.',
    }),
    flagTrigger({
      id: 'warmth-or-redness',
      field: [S, 'warmthOrRedness'],
      urgency: 'same-day',
      text: 'The calf is warm or red, which muscle overload does not cause.',
    }),
    {
      id: 'calf-circumference-difference',
      uses: [[S, 'calfCircumferenceDifferenceCm']],
      urgency: 'same-day',
      when: ({ symptoms }) => {
        const d = symptoms.calfCircumferenceDifferenceCm
        return d !== undefined && Math.abs(d) > SYMPTOMS.calfCircumferenceDvtCm
          ? `The calves differ by ${fmt(Math.abs(d))} cm in girth (more than ${SYMPTOMS.calfCircumferenceDvtCm} cm is a Wells clot criterion).`
          : null
      },
    },
    flagTrigger({
      id: 'recent-surgery-or-immobilisation',
      field: [H, 'recentSurgeryOrImmobilisation'],
      urgency: 'same-day',
      text: 'Calf pain after recent surgery, a cast or a spell of immobility is a clot warning sign.',
    }),
    flagTrigger({
      id: 'recent-long-haul-travel',
      field: [H, 'recentLongHaulTravel'],
      urgency: 'same-day',
      text: 'Calf pain after a recent long-haul journey (a known clot risk for travelling runners, especially after a race).',
    }),
    flagTrigger({
      id: 'previous-dvt',
      field: [H, 'previousDvt'],
      urgency: 'same-day',
      text: 'A previous clot makes a new one more likely: calf pain needs checking.',
    }),
    flagTrigger({
      id: 'active-cancer',
      field: [H, 'activeCancer'],
      urgency: 'same-day',
      text: 'Active cancer raises the risk of clots: calf pain needs checking.',
    }),
    {
      id: 'hormones-with-rest-or-night-pain',
      uses: [
        [H, 'hormonalContraceptiveOrHrt'],
        [S, 'painAtRest'],
        [S, 'nightPain'],
      ],
      urgency: 'same-day',
      when: ({ history, symptoms }) =>
        history.hormonalContraceptiveOrHrt === true && (symptoms.painAtRest === true || symptoms.nightPain === true)
          ? 'Hormonal contraception or HRT (a clot risk) together with pain at rest or at night.'
          : null,
    },
    flagTrigger({
      id: 'night-pain',
      field: [S, 'nightPain'],
      urgency: 'before-progressing',
      text: 'Pain at night does not fit muscle overload; a clinician should rule out a clot or a bone problem.',
    }),
  ],
}

export const COMPARTMENT_SYNDROME: ReferralRule = {
  kind: 'referral',
  id: 'suspected-compartment-syndrome',
  title: 'Possible exertional compartment syndrome',
  explanation:
    'Pressure building inside a muscle compartment gives tight, cramping or burning pain that comes on at a consistent point in a run, much like simple calf overload. What sets it apart: the pain forces the runner to stop at about the same point each time, numbness, tingling or a weak or slapping foot during runs, a small muscle bulge, and pain that takes 10 to 30 minutes to settle. Pain in both legs on its own is common in simple overload and is not a reason to refer. Any of these signs means a sports doctor should look before running is increased.',
  source: 'Pedowitz 1990; Aweid 2012; Mayo/COA CECS pages (clinical-and-peers B0, B1 CECS row, B2 amber)',
  triggers: [
    flagTrigger({
      id: 'numbness-or-tingling',
      field: [S, 'numbnessOrTingling'],
      urgency: 'before-progressing',
      text: 'Numbness or tingling: nerves are involved, which simple overload does not do.',
    }),
    flagTrigger({
      id: 'foot-weakness',
      field: [S, 'footWeakness'],
      urgency: 'before-progressing',
      text: 'The foot feels weak or slaps down during runs.',
    }),
    {
      id: 'forced-stop-at-a-reproducible-point',
      uses: [
        [S, 'forcedToStop'],
        [S, 'side'],
      ],
      urgency: 'before-progressing',
      when: ({ symptoms }) => {
        if (symptoms.forcedToStop !== true) return null
        return symptoms.side === 'both'
          ? 'Both legs, and the pain forces a stop at about the same point each run: the typical compartment pattern.'
          : 'The pain forces the runner to stop at about the same point each run, which overload rarely does.'
      },
    },
    {
      id: 'slow-to-settle',
      uses: [[S, 'settlesAfterStoppingMinutes']],
      urgency: 'before-progressing',
      when: ({ symptoms }) => {
        const m = symptoms.settlesAfterStoppingMinutes
        return typeof m === 'number' && m > SYMPTOMS.quickSettleMaxMinutes && m <= SYMPTOMS.compartmentSettleMaxMinutes
          ? `The pain takes ${fmt(m)} min to settle after stopping: overload settles within ${SYMPTOMS.quickSettleMaxMinutes} min, compartment pressure typically in 10–30 min.`
          : null
      },
    },
    flagTrigger({
      id: 'muscle-hernia',
      field: [S, 'muscleHernia'],
      urgency: 'before-progressing',
      text: 'A small muscle bulge appears with exercise: far more common with compartment syndrome than without.',
    }),
    {
      id: 'unsettled-pain-with-nerve-or-swelling-signs',
      uses: [
        [S, 'settlesAfterStoppingMinutes'],
        [S, 'painAtRest'],
        [S, 'numbnessOrTingling'],
        [S, 'footWeakness'],
        [S, 'swelling'],
      ],
      urgency: 'same-day',
      when: ({ symptoms }) =>
        (symptoms.settlesAfterStoppingMinutes === null || symptoms.painAtRest === true) &&
        (symptoms.numbnessOrTingling === true || symptoms.footWeakness === true || symptoms.swelling === true)
          ? 'Pain that persists after stopping together with numbness, weakness or swelling: same-day check (go to emergency if the pain is severe and rising).'
          : null,
    },
  ],
}

export const VASCULAR_ENTRAPMENT: ReferralRule = {
  kind: 'referral',
  id: 'suspected-vascular-entrapment',
  title: 'Possible popliteal artery entrapment',
  explanation:
    'The artery behind the knee can be squeezed by the calf muscles during running, giving cramping calf pain, pins and needles, and a cold or pale foot that recover within seconds to minutes of stopping. It looks like calf overload, which is why it is often missed for months. A cold or pale foot needs a same-day medical check; one that stays cold or pale at rest is an emergency.',
  source: 'Joy & Raudales 2015; VisualDx PAES (clinical-and-peers B0, B1 PAES row, B2 red)',
  triggers: [
    flagTrigger({
      id: 'cold-or-pale-foot',
      field: [S, 'coldOrPaleFoot'],
      urgency: 'same-day',
      text: 'The foot goes cold or pale: the blood supply needs checking.',
    }),
    {
      id: 'cold-foot-at-rest',
      uses: [
        [S, 'coldOrPaleFoot'],
        [S, 'painAtRest'],
        [S, 'settlesAfterStoppingMinutes'],
      ],
      urgency: 'emergency',
      when: ({ symptoms }) =>
        symptoms.coldOrPaleFoot === true &&
        (symptoms.painAtRest === true || symptoms.settlesAfterStoppingMinutes === null)
          ? 'A cold or pale foot with pain that does not go away at rest: the blood supply may be blocked; emergency.'
          : null,
    },
    {
      id: 'tingling-that-clears-fast',
      uses: [
        [S, 'numbnessOrTingling'],
        [S, 'settlesAfterStoppingMinutes'],
      ],
      urgency: 'before-progressing',
      when: ({ symptoms }) => {
        const m = symptoms.settlesAfterStoppingMinutes
        return symptoms.numbnessOrTingling === true && typeof m === 'number' && m <= 5
          ? 'Pins and needles that clear within a few minutes of stopping fit artery entrapment as well as compartment pressure.'
          : null
      },
    },
  ],
}

export const ARTERIAL_CLAUDICATION: ReferralRule = {
  kind: 'referral',
  id: 'suspected-arterial-claudication',
  title: 'Possible narrowed leg arteries (claudication)',
  explanation:
    'In older runners, and from 50 with smoking, diabetes, high blood pressure, high cholesterol or known heart or vessel disease, cramping calf pain that comes on with effort and eases within minutes of stopping can mean the leg arteries are narrowed rather than the calf overloaded. A doctor can check the pulses and the blood pressure at the ankle; hold running distance until then.',
  source: 'clinical-and-peers B0 (exertional cramping quickly relieved by rest mimics overload), B1 PAES row (vascular referral), B2 amber; age limits: issue 10',
  triggers: [
    {
      id: 'cramping-relieved-within-minutes',
      uses: [
        ['athlete', 'ageYears'],
        [H, 'vascularRiskFactors'],
        [S, 'character'],
        [S, 'settlesAfterStoppingMinutes'],
      ],
      urgency: 'before-progressing',
      when: ({ athlete, history, symptoms }) => {
        const age = athlete.ageYears
        const settles = symptoms.settlesAfterStoppingMinutes
        if (age === undefined || !(symptoms.character ?? []).includes('cramping')) return null
        if (typeof settles !== 'number' || settles > ARTERIAL_CHECK_AGE.reliefWithinMinutes) return null
        const risks = (history.vascularRiskFactors ?? []).filter((r) => r !== 'none-of-these')
        if (age >= ARTERIAL_CHECK_AGE.anyRunnerFrom)
          return `Aged ${fmt(age)}, with cramping on effort that eases within ${fmt(settles)} min of stopping: the leg arteries should be checked.`
        if (age >= ARTERIAL_CHECK_AGE.withRiskFactorFrom && risks.length > 0)
          return `Aged ${fmt(age)} with ${risks.map((r) => RISK_WORDS[r]).join(', ')}, and cramping on effort that eases within ${fmt(settles)} min: the leg arteries should be checked.`
        return null
      },
    },
  ],
}

const RISK_WORDS: Readonly<Record<Exclude<VascularRiskFactor, 'none-of-these'>, string>> = {
  smoking: 'smoking',
  diabetes: 'diabetes',
  'high-blood-pressure': 'high blood pressure',
  'high-cholesterol': 'high cholesterol',
  'heart-or-vessel-disease': 'known heart or vessel disease',
}
