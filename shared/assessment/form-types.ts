// The shapes of the assessment form metadata (see form.ts).

import type { NormKey } from './norms'
import type { AssessmentInput, FieldPath } from './schema'

export type FieldKind =
  | 'boolean'
  | 'number'
  | 'enum'
  | 'multi'
  | 'per-side-number'
  | 'per-side-enum'
  | 'nullable-number'

export interface FormOption {
  readonly value: string
  readonly label: string
}

export interface FormField {
  readonly path: FieldPath
  readonly label: string
  readonly kind: FieldKind
  readonly options?: readonly FormOption[]
  readonly unit?: string
  readonly min?: number
  readonly max?: number
  readonly step?: number
  /** For 'nullable-number': what the explicit null means. */
  readonly nullLabel?: string
  readonly help: string
  readonly normKey?: NormKey
  /** Part of the red-flag screen: shown prominently and asked first. */
  readonly redFlag?: boolean
  /**
   * When the question applies to this runner (default: always). A question that does not apply is neither
   * missing nor an unanswered red-flag question, e.g. the calf girth when the calf is not swollen.
   */
  readonly askWhen?: (input: AssessmentInput) => boolean
}

export type FormSectionId =
  | 'athlete'
  | 'symptoms'
  | 'red-flags'
  | 'history'
  | 'screening'
  | 'lifestyle'
  | 'training'

export interface FormSection {
  readonly id: FormSectionId
  readonly title: string
  readonly intro: string
  readonly fields: readonly FormField[]
}
