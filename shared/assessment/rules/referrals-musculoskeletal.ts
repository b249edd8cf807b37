// Referrals for muscle, tendon, bone and nerve: calf strain, tendon rupture, bone stress injury, nerve-root
// pain, Achilles tendinopathy and low energy availability (bone health). Listed in evaluation order in
// referrals.ts.

import { flagTrigger } from './findings'
import type { ReferralRule } from './types'

const S = 'symptoms' as const
const H = 'history' as const

export const CALF_STRAIN: ReferralRule = {
  kind: 'referral',
  id: 'suspected-calf-strain',
  title: 'Possible calf muscle tear (strain)',
  explanation:
    'A strain ("tennis leg") usually starts at one moment, often a sprint, hill or push-off, with sharp pain or a feeling of being kicked, followed by limping, swelling and later bruising. It needs rest from running and graded rehab, and a same-day check if the runner cannot rise onto the toes.',
  source: 'UpToDate calf injuries; Physiopedia calf strain (clinical-and-peers B1 calf strain row, B2 red)',
  triggers: [
    {
      id: 'sudden-onset',
      uses: [[S, 'onset']],
      urgency: 'before-progressing',
      when: ({ symptoms }) =>
        symptoms.onset === 'sudden' ? 'The pain started suddenly rather than building up over runs.' : null,
    },
    flagTrigger({
      id: 'pop-or-kick',
      field: [S, 'popOrKickSensation'],
      urgency: 'before-progressing',
      text: 'The runner felt a pop or a kick in the back of the leg.',
    }),
    flagTrigger({
      id: 'bruising',
      field: [S, 'bruising'],
      urgency: 'before-progressing',
      text: 'Bruising suggests torn muscle fibres.',
    }),
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
}

export const TENDON_RUPTURE: ReferralRule = {
  kind: 'referral',
  id: 'suspected-tendon-rupture',
  title: 'Possible Achilles or calf tendon rupture',
  explanation:
    'A tendon tear often feels like a kick or a snap at the back of the ankle, and afterwards the runner cannot push up onto the toes of that leg. Tears are missed surprisingly often, so any inability to heel-raise needs a clinician (Thompson squeeze test), the same day after an injury.',
  source: 'clinical-and-peers B1 (Achilles row: instant pain = possible tear, Thompson test), B2 red',
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
    flagTrigger({
      id: 'cannot-heel-raise',
      field: [S, 'unableToHeelRaise'],
      urgency: 'before-progressing',
      text: 'Cannot do a single-leg heel raise: a tendon tear has to be ruled out.',
    }),
  ],
}

export const STRESS_FRACTURE: ReferralRule = {
  kind: 'referral',
  id: 'suspected-stress-fracture',
  title: 'Possible bone stress injury',
  explanation:
    'A bone stress injury hurts at one small spot on the bone, hurts when hopping, and with time hurts when walking, at rest or at night. A painful hop test catches nearly all of them, and early X-rays often look normal, so the runner should stop running and be referred for imaging, wherever the pain is felt. With pain at rest or at night the check is needed the same day.',
  source: 'Milgrom 2021 hop test (clinical-and-peers B1 bone stress row, B2)',
  triggers: [
    flagTrigger({
      id: 'focal-bone-tenderness',
      field: [S, 'focalBoneTenderness'],
      urgency: 'before-progressing',
      text: 'Tender at one small spot on the bone.',
    }),
    flagTrigger({
      id: 'painful-hop',
      field: [S, 'painfulHop'],
      urgency: 'before-progressing',
      text: 'Hopping on the painful leg hurts (the hop test misses almost no bone stress injuries).',
    }),
    {
      id: 'bone-sign-with-rest-or-night-pain',
      uses: [
        [S, 'focalBoneTenderness'],
        [S, 'painfulHop'],
        [S, 'painAtRest'],
        [S, 'nightPain'],
      ],
      urgency: 'same-day',
      when: ({ symptoms }) =>
        (symptoms.focalBoneTenderness === true || symptoms.painfulHop === true) &&
        (symptoms.painAtRest === true || symptoms.nightPain === true)
          ? 'A bone sign together with pain at rest or at night: a possible stress fracture needs checking today.'
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
}

export const NERVE_ROOT: ReferralRule = {
  kind: 'referral',
  id: 'suspected-nerve-root',
  title: 'Possible nerve-root (back) source',
  explanation:
    'Pain travelling down from the back or buttock to below the knee, often burning or electric and sometimes with numbness or a weak push-off, can come from an irritated nerve in the lower back rather than the calf. A physio or GP should assess it. Weakness in both legs, numbness in the saddle area or a change in bladder or bowel control is an emergency.',
  source: 'MSD Manual lumbosacral radiculopathy (clinical-and-peers B1 radiculopathy row, B2 amber)',
  triggers: [
    flagTrigger({
      id: 'back-or-radiating-pain',
      field: [S, 'backPainOrRadiatingPain'],
      urgency: 'before-progressing',
      text: 'Back pain, or pain spreading down from the buttock, suggests the calf pain may start at a nerve.',
    }),
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
}

export const CAUDA_EQUINA: ReferralRule = {
  kind: 'referral',
  id: 'possible-cauda-equina',
  title: 'Possible pressure on the nerves at the base of the spine (cauda equina)',
  explanation:
    'Numbness between the legs (the saddle area) or a new change in bladder or bowel control can mean the bundle of nerves at the bottom of the spine is being squeezed. Permanent damage can follow within hours, so this is an emergency: the runner goes to an emergency department now, whatever the calf shows.',
  source: 'MSD Manual lumbosacral radiculopathy (clinical-and-peers B1 radiculopathy row: emergency signs; B2 red)',
  triggers: [
    flagTrigger({
      id: 'saddle-numbness-or-bladder-bowel-change',
      field: [S, 'saddleNumbnessOrBladderBowelChange'],
      urgency: 'emergency',
      text: 'Numbness between the legs or a new bladder or bowel change: go to an emergency department now.',
    }),
  ],
}

export const ACHILLES_TENDINOPATHY: ReferralRule = {
  kind: 'referral',
  id: 'suspected-achilles-tendinopathy',
  title: 'Possible Achilles tendinopathy',
  explanation:
    'Pain in the tendon above the heel, stiffness on the first steps in the morning, and pain that eases once warmed up and returns afterwards point to the tendon rather than the calf muscle. It is managed with progressive tendon loading and pain monitoring, best started after a physio has confirmed it; hold running distance until then.',
  source: 'Alfredson 1998; Silbernagel 2007; VISA-A (clinical-and-peers B1 Achilles row)',
  triggers: [
    {
      id: 'achilles-location',
      uses: [[S, 'location']],
      urgency: 'before-progressing',
      when: ({ symptoms }) =>
        symptoms.location === 'achilles' ? 'The pain is in the Achilles tendon rather than the calf muscle.' : null,
    },
    flagTrigger({
      id: 'morning-stiffness',
      field: [S, 'morningStiffness'],
      urgency: 'before-progressing',
      text: 'Stiffness or pain on the first steps in the morning is typical of a tendon problem, not muscle overload.',
    }),
  ],
}

export const ENERGY_AVAILABILITY: ReferralRule = {
  kind: 'referral',
  id: 'energy-availability-concern',
  title: 'Low energy availability / bone health concern',
  explanation:
    'Missing or irregular periods, or a previous bone stress injury, can signal that the runner is not eating enough for the training (RED-S), which weakens bone in women and men. A sports doctor or dietitian should review before mileage goes up.',
  source: 'RED-S / LEAF-Q studies (clinical-and-peers B1 RED-S row, B2 amber)',
  triggers: [
    flagTrigger({
      id: 'irregular-or-absent-periods',
      field: [H, 'irregularOrAbsentPeriods'],
      urgency: 'before-progressing',
      text: 'Irregular or absent periods can mean low energy availability.',
    }),
    flagTrigger({
      id: 'previous-bone-stress-injury',
      field: [H, 'previousBoneStressInjury'],
      urgency: 'before-progressing',
      text: 'A previous bone stress injury: check energy intake and bone health before adding distance.',
    }),
  ],
}
