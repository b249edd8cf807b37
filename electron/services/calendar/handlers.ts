import type { Handlers } from '../../../shared/api/contract'
import type { AppServices } from '../app-services'
import { squadWeek } from './squad-week-service'

export function calendarHandlers(app: AppServices): Pick<Handlers, 'getSquadWeek'> {
  return {
    getSquadWeek: ({ weekStart, groupId }) => squadWeek(app, weekStart, groupId),
  }
}
