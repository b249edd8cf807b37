import type { Handlers } from '../../shared/api/contract'
import type { AppServices } from './app-services'
import { squadHandlers } from './squad/handlers'
import { runHandlers } from './runs/handlers'
import { assessmentHandlers } from './assessments/handlers'
import { planHandlers } from './plans/handlers'
import { clinicalHandlers } from './clinical/handlers'

/** The complete handler table: one entry per contract method, checked by the compiler. */
export function createHandlers(app: AppServices): Handlers {
  return {
    ...squadHandlers(app),
    ...runHandlers(app),
    ...assessmentHandlers(app),
    ...planHandlers(app),
    ...clinicalHandlers(app),
  }
}
