// Red flags and referrals. These are evaluated before anything else and nothing can lower them: each trigger
// only looks for findings that are present, and the diagnosis keeps the most urgent trigger per referral.
// Sources: clinical-and-peers.md sections B0–B2 (differential table and suggested rule set).

import { SYMPTOMS } from '../norms'
import type { ReferralRule } from './types'
import { fmt } from './types'

const S = 'symptoms' as const
const H = 'history' as const

export const REFERRAL_RULES: readonly ReferralRule[] = [
  {
    kind: 'referral',
    id: 'possible-pulmonary-embolism',
    title: 'Possible clot on the lungs',
    explanation:
      'Chest pain or breathlessness in a runner with a painful calf can mean a clot has moved from the leg to the lungs. This is an emergency whatever else was found.',
    source: 'clinical-and-peers B1 (DVT row: chest pain/breathlessness = PE emergency), B2 red',
    stopsRunning: 'always',
    triggers: [
      {
        id: 'chest-pain-or-breathlessness',
        uses: [[S, 'chestPainOrBreathlessness']],
        urgency: 'emergency',
        when: ({ symptoms }) =>
          symptoms.chestPainOrBreathlessness === true
            ? 'Chest pain or breathlessness together with leg pain: call emergency services now.'
            : null,
      },
    ],
  },
  {
    kind: 'referral',
    id: 'suspected-dvt',
    title: 'Possible blood clot in the leg (DVT)',
    explanation:
      'A clot in a deep calf vein can feel like a tight, sore calf. Swelling, warmth or redness, a calf clearly bigger than the other, and risk factors such as recent surgery, a cast, a long journey, a previous clot or cancer all call for a same-day medical check and no running or calf massage until then. Even after a calf injury a clot must be ruled out, because the two can occur together.',
    source: 'Wells 1997; primary-care DVT rule; American Running Association (clinical-and-peers B1 DVT row, B2 red)',
    stopsRunning: 'if-urgent',
    triggers: [
      {
        id: 'calf-swelling',
        uses: [[S, 'swelling']],
        urgency: 'same-day',
        when: ({ symptoms }) =>
          symptoms.swelling === true
            ? 'The calf is swollen: a clot has to be ruled out the same day, even if there was an injury.'
            : null,
      },
      {
        id: 'warmth-or-redness',
        uses: [[S, 'warmthOrRedness']],
        urgency: 'same-day',
        when: ({ symptoms }) =>
          symptoms.warmthOrRedness === true ? 'The calf is warm or red, which muscle overload does not cause.' : null,
      },
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
      {
        id: 'recent-surgery-or-immobilisation',
        uses: [[H, 'recentSurgeryOrImmobilisation']],
        urgency: 'same-day',
        when: ({ history }) =>
          history.recentSurgeryOrImmobilisation === true
            ? 'Calf pain after recent surgery, a cast or a spell of immobility is a clot warning sign.'
            : null,
      },
      {
        id: 'recent-long-haul-travel',
        uses: [[H, 'recentLongHaulTravel']],
        urgency: 'same-day',
        when: ({ history }) =>
          history.recentLongHaulTravel === true
            ? 'Calf pain after a recent long-haul journey (a known clot risk for travelling runners, especially after a race).'
            : null,
      },
      {
        id: 'previous-dvt',
        uses: [[H, 'previousDvt']],
        urgency: 'same-day',
        when: ({ history }) =>
          history.previousDvt === true ? 'A previous clot makes a new one more likely: calf pain needs checking.' : null,
      },
      {
        id: 'active-cancer',
        uses: [[H, 'activeCancer']],
        urgency: 'same-day',
        when: ({ history }) =>
          history.activeCancer === true ? 'Active cancer raises the risk of clots: calf pain needs checking.' : null,
      },
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
      {
        id: 'night-pain',
        uses: [[S, 'nightPain']],
        urgency: 'before-progressing',
        when: ({ symptoms }) =>
          symptoms.nightPain === true
            ? 'Pain at night does not fit muscle overload; a clinician should rule out a clot or a bone problem.'
            : null,
      },
    ],
  },
  {
    kind: 'referral',
    id: 'suspected-calf-strain',
    title: 'Possible calf muscle tear (strain)',
    explanation:
      'A strain ("tennis leg") usually starts at one moment, often a sprint, hill or push-off, with sharp pain or a feeling of being kicked, followed by limping, swelling and later bruising. It needs rest from running and graded rehab, and a same-day check if the runner cannot rise onto the toes.',
    source: 'UpToDate calf injuries; Physiopedia calf strain (clinical-and-peers B1 calf strain row, B2 red)',
    stopsRunning: 'always',
    triggers: [
      {
        id: 'sudden-onset',
        uses: [[S, 'onset']],
        urgency: 'before-progressing',
        when: ({ symptoms }) =>
          symptoms.onset === 'sudden' ? 'The pain started suddenly rather than building up over runs.' : null,
      },
      {
        id: 'pop-or-kick',
        uses: [[S, 'popOrKickSensation']],
        urgency: 'before-progressing',
        when: ({ symptoms }) =>
          symptoms.popOrKickSensation === true ? 'The runner felt a pop or a kick in the back of the leg.' : null,
      },
      {
        id: 'bruising',
        uses: [[S, 'bruising']],
        urgency: 'before-progressing',
        when: ({ symptoms }) => (symptoms.bruising === true ? 'Bruising suggests torn muscle fibres.' : null),
      },
      {
        id: 'pain-at-rest',
        uses: [[S, 'painAtRest']],
        urgency: 'before-progressing',
        when: ({ symptoms }) =>
          symptoms.painAtRest === true ? 'Pain at rest does not fit simple overload; it is common after a strain.' : null,
      },
      {
        id: 'cannot-heel-raise-after-injury',
        uses: [
          [S, 'unableToHeelRaise'],
          [S, 'onset'],
          [S, 'popOrKickSensation'],
        ],
        urgency: 'same-day',
        when: ({ symptoms }) =>
          symptoms.unableToHeelRaise === true && (symptoms.onset === 'sudden' || symptoms.popOrKickSensation === true)
            ? 'Cannot rise onto the toes after a sudden injury: needs checking today.'
            : null,
      },
    ],
  },
  {
    kind: 'referral',
    id: 'suspected-tendon-rupture',
    title: 'Possible Achilles or calf tendon rupture',
    explanation:
      'A tendon tear often feels like a kick or a snap at the back of the ankle, and afterwards the runner cannot push up onto the toes of that leg. Tears are missed surprisingly often, so any inability to heel-raise needs a clinician (Thompson squeeze test), the same day after an injury.',
    source: 'clinical-and-peers B1 (Achilles row: instant pain = possible tear, Thompson test), B2 red',
    stopsRunning: 'always',
    triggers: [
      {
        id: 'pop-at-achilles',
        uses: [
          [S, 'popOrKickSensation'],
          [S, 'location'],
        ],
        urgency: 'same-day',
        when: ({ symptoms }) =>
          symptoms.popOrKickSensation === true && symptoms.location === 'achilles'
            ? 'A pop or kick felt at the Achilles tendon.'
            : null,
      },
      {
        id: 'sudden-achilles-pain',
        uses: [
          [S, 'onset'],
          [S, 'location'],
        ],
        urgency: 'same-day',
        when: ({ symptoms }) =>
          symptoms.onset === 'sudden' && symptoms.location === 'achilles'
            ? 'Achilles pain that started suddenly can be a tear rather than a tendinopathy.'
            : null,
      },
      {
        id: 'cannot-heel-raise-after-injury',
        uses: [
          [S, 'unableToHeelRaise'],
          [S, 'onset'],
          [S, 'popOrKickSensation'],
          [S, 'location'],
        ],
        urgency: 'same-day',
        when: ({ symptoms }) =>
          symptoms.unableToHeelRaise === true &&
          (symptoms.onset === 'sudden' || symptoms.popOrKickSensation === true || symptoms.location === 'achilles')
            ? 'Cannot do a single-leg heel raise after a sudden injury or with Achilles pain.'
            : null,
      },
      {
        id: 'cannot-heel-raise',
        uses: [[S, 'unableToHeelRaise']],
        urgency: 'before-progressing',
        when: ({ symptoms }) =>
          symptoms.unableToHeelRaise === true
            ? 'Cannot do a single-leg heel raise: a tendon tear has to be ruled out.'
            : null,
      },
    ],
  },
  {
    kind: 'referral',
    id: 'suspected-compartment-syndrome',
    title: 'Possible exertional compartment syndrome',
    explanation:
      'Pressure building inside a muscle compartment gives tight, cramping or burning pain that comes on at a consistent point in a run, much like simple calf overload. What sets it apart: numbness or tingling, a weak or slapping foot, the same spot in both legs, and pain that takes longer than 20 minutes to settle or does not settle. Any of these means a sports doctor should look before running is increased.',
    source: 'Pedowitz 1990; Aweid 2012; Mayo/COA CECS pages (clinical-and-peers B0, B1 CECS row, B2 amber)',
    stopsRunning: 'if-urgent',
    triggers: [
      {
        id: 'numbness-or-tingling',
        uses: [[S, 'numbnessOrTingling']],
        urgency: 'before-progressing',
        when: ({ symptoms }) =>
          symptoms.numbnessOrTingling === true
            ? 'Numbness or tingling: nerves are involved, which simple overload does not do.'
            : null,
      },
      {
        id: 'foot-weakness',
        uses: [[S, 'footWeakness']],
        urgency: 'before-progressing',
        when: ({ symptoms }) =>
          symptoms.footWeakness === true ? 'The foot feels weak or slaps down during runs.' : null,
      },
      {
        id: 'bilateral-at-a-reproducible-point',
        uses: [
          [S, 'side'],
          [S, 'startsAfterMinutes'],
        ],
        urgency: 'before-progressing',
        when: ({ symptoms }) =>
          symptoms.side === 'both' && symptoms.startsAfterMinutes !== undefined
            ? `Both legs, coming on at a consistent point (about ${fmt(symptoms.startsAfterMinutes)} min into the run): the typical compartment pattern.`
            : null,
      },
      {
        id: 'slow-to-settle',
        uses: [[S, 'settlesAfterStoppingMinutes']],
        urgency: 'before-progressing',
        when: ({ symptoms }) => {
          const m = symptoms.settlesAfterStoppingMinutes
          return typeof m === 'number' && m > SYMPTOMS.slowSettleOverMinutes
            ? `The pain takes ${fmt(m)} min to settle after stopping (over ${SYMPTOMS.slowSettleOverMinutes} min does not fit simple overload).`
            : null
        },
      },
      {
        id: 'does-not-settle',
        uses: [[S, 'settlesAfterStoppingMinutes']],
        urgency: 'before-progressing',
        when: ({ symptoms }) =>
          symptoms.settlesAfterStoppingMinutes === null
            ? 'The pain does not settle after stopping; a clinician should also consider bone stress or a tear.'
            : null,
      },
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
  },
  {
    kind: 'referral',
    id: 'suspected-vascular-entrapment',
    title: 'Possible popliteal artery entrapment',
    explanation:
      'The artery behind the knee can be squeezed by the calf muscles during running, giving cramping calf pain, pins and needles, and a cold or pale foot that recover within seconds to minutes of stopping. It looks like calf overload, which is why it is often missed for months. A cold or pale foot needs a same-day medical check; one that stays cold or pale at rest is an emergency.',
    source: 'Joy & Raudales 2015; VisualDx PAES (clinical-and-peers B0, B1 PAES row, B2 red)',
    stopsRunning: 'if-urgent',
    triggers: [
      {
        id: 'cold-or-pale-foot',
        uses: [[S, 'coldOrPaleFoot']],
        urgency: 'same-day',
        when: ({ symptoms }) =>
          symptoms.coldOrPaleFoot === true ? 'The foot goes cold or pale: the blood supply needs checking.' : null,
      },
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
  },
  {
    kind: 'referral',
    id: 'suspected-stress-fracture',
    title: 'Possible bone stress injury',
    explanation:
      'A bone stress injury hurts at one small spot on the bone, hurts when hopping, and with time hurts when walking, at rest or at night. A painful hop test catches nearly all of them, and early X-rays often look normal, so the runner should stop running and be referred for imaging.',
    source: 'Milgrom 2021 hop test (clinical-and-peers B1 bone stress row, B2)',
    stopsRunning: 'always',
    triggers: [
      {
        id: 'focal-bone-tenderness',
        uses: [[S, 'focalBoneTenderness']],
        urgency: 'before-progressing',
        when: ({ symptoms }) =>
          symptoms.focalBoneTenderness === true ? 'Tender at one small spot on the bone.' : null,
      },
      {
        id: 'painful-hop',
        uses: [[S, 'painfulHop']],
        urgency: 'before-progressing',
        when: ({ symptoms }) =>
          symptoms.painfulHop === true
            ? 'Hopping on the painful leg hurts (the hop test misses almost no bone stress injuries).'
            : null,
      },
      {
        id: 'shin-pain-at-rest-or-night',
        uses: [
          [S, 'location'],
          [S, 'painAtRest'],
          [S, 'nightPain'],
        ],
        urgency: 'same-day',
        when: ({ symptoms }) =>
          symptoms.location === 'shin' && (symptoms.painAtRest === true || symptoms.nightPain === true)
            ? 'Shin pain at rest or at night: a possible stress fracture needs checking today.'
            : null,
      },
    ],
  },
  {
    kind: 'referral',
    id: 'suspected-nerve-root',
    title: 'Possible nerve-root (back) source',
    explanation:
      'Pain travelling down from the back or buttock to below the knee, often burning or electric and sometimes with numbness or a weak push-off, can come from an irritated nerve in the lower back rather than the calf. A physio or GP should assess it. Weakness in both legs, numbness in the saddle area or a change in bladder or bowel control is an emergency.',
    source: 'MSD Manual lumbosacral radiculopathy (clinical-and-peers B1 radiculopathy row, B2 amber)',
    stopsRunning: 'if-urgent',
    triggers: [
      {
        id: 'back-or-radiating-pain',
        uses: [[S, 'backPainOrRadiatingPain']],
        urgency: 'before-progressing',
        when: ({ symptoms }) =>
          symptoms.backPainOrRadiatingPain === true
            ? 'Back pain, or pain spreading down from the buttock, suggests the calf pain may start at a nerve.'
            : null,
      },
      {
        id: 'radiating-pain-with-numbness',
        uses: [
          [S, 'backPainOrRadiatingPain'],
          [S, 'numbnessOrTingling'],
        ],
        urgency: 'before-progressing',
        when: ({ symptoms }) =>
          symptoms.backPainOrRadiatingPain === true && symptoms.numbnessOrTingling === true
            ? 'Radiating pain together with numbness or tingling.'
            : null,
      },
      {
        id: 'bilateral-weakness-with-back-pain',
        uses: [
          [S, 'backPainOrRadiatingPain'],
          [S, 'footWeakness'],
          [S, 'side'],
        ],
        urgency: 'same-day',
        when: ({ symptoms }) =>
          symptoms.backPainOrRadiatingPain === true && symptoms.footWeakness === true && symptoms.side === 'both'
            ? 'Weakness in both feet with back pain: check today, and go to emergency if there is saddle numbness or any bladder or bowel change.'
            : null,
      },
    ],
  },
  {
    kind: 'referral',
    id: 'suspected-achilles-tendinopathy',
    title: 'Possible Achilles tendinopathy',
    explanation:
      'Pain in the tendon above the heel, stiffness on the first steps in the morning, and pain that eases once warmed up and returns afterwards point to the tendon rather than the calf muscle. It is managed with progressive tendon loading and pain monitoring, best started after a physio has confirmed it; hold running distance until then.',
    source: 'Alfredson 1998; Silbernagel 2007; VISA-A (clinical-and-peers B1 Achilles row)',
    stopsRunning: 'if-urgent',
    triggers: [
      {
        id: 'achilles-location',
        uses: [[S, 'location']],
        urgency: 'before-progressing',
        when: ({ symptoms }) =>
          symptoms.location === 'achilles' ? 'The pain is in the Achilles tendon rather than the calf muscle.' : null,
      },
      {
        id: 'morning-stiffness',
        uses: [[S, 'morningStiffness']],
        urgency: 'before-progressing',
        when: ({ symptoms }) =>
          symptoms.morningStiffness === true
            ? 'Stiffness or pain on the first steps in the morning is typical of a tendon problem, not muscle overload.'
            : null,
      },
    ],
  },
  {
    kind: 'referral',
    id: 'energy-availability-concern',
    title: 'Low energy availability / bone health concern',
    explanation:
      'Missing or irregular periods, or a previous bone stress injury, can signal that the runner is not eating enough for the training (RED-S), which weakens bone in women and men. A sports doctor or dietitian should review before mileage goes up.',
    source: 'RED-S / LEAF-Q studies (clinical-and-peers B1 RED-S row, B2 amber)',
    stopsRunning: 'if-urgent',
    triggers: [
      {
        id: 'irregular-or-absent-periods',
        uses: [[H, 'irregularOrAbsentPeriods']],
        urgency: 'before-progressing',
        when: ({ history }) =>
          history.irregularOrAbsentPeriods === true
            ? 'Irregular or absent periods can mean low energy availability.'
            : null,
      },
      {
        id: 'previous-bone-stress-injury',
        uses: [[H, 'previousBoneStressInjury']],
        urgency: 'before-progressing',
        when: ({ history }) =>
          history.previousBoneStressInjury === true
            ? 'A previous bone stress injury: check energy intake and bone health before adding distance.'
            : null,
      },
    ],
  },
]
