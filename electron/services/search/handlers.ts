import type { Handlers } from '../../../shared/api/contract'
import type { AppServices } from '../app-services'
import { searchRecords } from './search-service'

export function searchHandlers(app: AppServices): Pick<Handlers, 'searchRecords'> {
  return {
    searchRecords: ({ query }) => searchRecords(app, query),
  }
}
