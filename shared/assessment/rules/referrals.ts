// Red flags and referrals. These are evaluated before anything else and nothing can lower them: each trigger
// only looks for findings that are present, and the diagnosis keeps the most urgent trigger per referral.
// Sources: clinical-and-peers.md sections B0–B2 (differential table and suggested rule set).
//
// The rules live in themed files (clots and circulation, muscle/tendon/bone/nerve); this module lists them
// in evaluation order. Shared trigger factories are in findings.ts.

import {
  ARTERIAL_CLAUDICATION,
  COMPARTMENT_SYNDROME,
  DVT,
  PULMONARY_EMBOLISM,
  VASCULAR_ENTRAPMENT,
} from './referrals-circulation'
import { NOT_IMPROVING, PERSISTENT_PAIN } from './referrals-course'
import {
  ACHILLES_TENDINOPATHY,
  CALF_STRAIN,
  CAUDA_EQUINA,
  ENERGY_AVAILABILITY,
  NERVE_ROOT,
  STRESS_FRACTURE,
  TENDON_RUPTURE,
} from './referrals-musculoskeletal'
import type { ReferralRule } from './types'

export const REFERRAL_RULES: readonly ReferralRule[] = [
  PULMONARY_EMBOLISM,
  CAUDA_EQUINA,
  DVT,
  CALF_STRAIN,
  TENDON_RUPTURE,
  COMPARTMENT_SYNDROME,
  VASCULAR_ENTRAPMENT,
  ARTERIAL_CLAUDICATION,
  STRESS_FRACTURE,
  PERSISTENT_PAIN,
  NERVE_ROOT,
  ACHILLES_TENDINOPATHY,
  ENERGY_AVAILABILITY,
  NOT_IMPROVING,
]
