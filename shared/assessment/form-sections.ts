// The assessment form's sections and fields, in the order a coach runs them (see form.ts): the runner's story
// first (form-sections-story.ts), then what the coach measures and the runner's load
// (form-sections-measured.ts).

import type { FormSection } from './form-types'
import { MEASURED_SECTIONS } from './form-sections-measured'
import { STORY_SECTIONS } from './form-sections-story'

export const ASSESSMENT_FORM: readonly FormSection[] = [...STORY_SECTIONS, ...MEASURED_SECTIONS]
