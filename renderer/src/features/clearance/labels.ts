// Words for clearances and readiness tests on screen (the stored values are frozen ids).
import type { ClearanceOutcome, ClearedByRole } from '../../../../shared/clinical/clearance'

export const ROLE_LABEL: Record<ClearedByRole, string> = {
  doctor: 'Doctor',
  physiotherapist: 'Physiotherapist',
  other: 'Other clinician',
}

export const OUTCOME_LABEL: Record<ClearanceOutcome, string> = {
  cleared: 'Cleared: may return to running',
  'cleared-with-restrictions': 'Cleared with restrictions',
  'something-else-found': 'Something else found',
}
