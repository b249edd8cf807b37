import { mkdtempSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { ApiMethod } from '../shared/api/contract'
import { writeFileAtomicDurable } from '../electron/services/store/file-ops'
import { openCoach } from './app-stack'
import { BENCH_ATHLETES, BENCH_DAYS, writeBenchSquad } from './fixtures'
import { type BenchResult, percentile } from './store.bench'
import { mainThreadCpuMs } from './timing'

const TODAY = '2026-11-22'
/**
 * A squad shared by three coaches through a club folder: coach A shares the generated squad, coaches B
 * and C join and each write to every athlete (B adds a run, C edits one of A's), so every athlete is
 * merged from three installations' files. Then A opens the squad as a coach does every day (warm: the
 * summaries were made on an earlier open) through the dispatcher, and saves runs.
 */
export async function benchClubSquad(): Promise<BenchResult[]> {
  const { dataDir, squad } = writeBenchSquad(TODAY)
  const club = mkdtempSync(path.join(os.tmpdir(), 'calfcoach-bench-club-'))
  const others: string[] = []
  const label = `${BENCH_ATHLETES} athletes × ${Math.round(BENCH_DAYS / 365)} y daily, 3 installations`
  try {
    const a = await openCoach(dataDir, TODAY)
    await a.call('shareSquad', { folder: club, installName: 'Coach A' })
    await a.services.close()
    const writers: [string, (id: string, i: number) => [ApiMethod, unknown]][] = [
      ['Coach B', (id, i) => ['addRun', { athleteId: id, run: { date: TODAY, distanceKm: 3 + (i % 5) } }]],
      ['Coach C', (id, i) => ['updateRun', { athleteId: id, runId: `run-${i.toString(36)}-${(BENCH_DAYS - 2).toString(36).padStart(4, '0')}`, run: { date: '2026-11-21', distanceKm: 9 } }]],
    ]
    for (const [name, write] of writers) {
      const dir = mkdtempSync(path.join(os.tmpdir(), 'calfcoach-bench-coach-'))
      others.push(dir)
      const coach = await openCoach(dir, TODAY)
      await coach.call('shareSquad', { folder: club, installName: name })
      for (const [i, athlete] of squad.athletes.entries()) {
        const [method, payload] = write(athlete.id, i)
        await coach.call(method, payload)
      }
      await coach.services.close()
    }

    // The first open after the other coaches wrote makes the summaries again; the next ones are warm.
    const first = await openCoach(dataDir, TODAY)
    await first.call('getSquadTriage', { today: TODAY })
    await first.services.close()
    const opens: number[] = []
    let last: Awaited<ReturnType<typeof openCoach>> | null = null
    for (let i = 0; i < 5; i++) {
      const t = performance.now()
      const coach = await openCoach(dataDir, TODAY)
      const s = await coach.call<{ athletes: unknown[] }>('getSquad')
      const board = await coach.call<{ athletes: unknown[] }>('getSquadTriage', { today: TODAY })
      opens.push(performance.now() - t)
      if (s.athletes.length !== BENCH_ATHLETES || board.athletes.length !== BENCH_ATHLETES) throw new Error('squad or board incomplete')
      await coach.services.db.athletesReady
      if (last) await last.services.close()
      last = coach
    }
    // A coach saves on the athlete's page, which opened the athlete first (athletes load on demand): that
    // open is timed on its own, so the save figure is the save.
    const saves: number[] = []
    /** Main-thread CPU of each save: the app's own work, whatever the load and the disk. */
    const saveCpu: number[] = []
    const athleteOpens: number[] = []
    for (let i = 0; i < 60; i++) {
      const athleteId = squad.athletes[7 + (i % 20)]!.id
      const o = performance.now()
      await last!.call('getAthleteRecord', { athleteId })
      if (i < 20) athleteOpens.push(performance.now() - o)
      const cpu = mainThreadCpuMs()
      const t = performance.now()
      await last!.call('addRun', { athleteId, run: { date: TODAY, distanceKm: 5 } })
      saves.push(performance.now() - t)
      saveCpu.push(mainThreadCpuMs() - cpu)
    }
    await last!.services.close()
    // The floor under any acknowledged save on this disk right now: one small file written durably (two fsyncs).
    const floor: number[] = []
    for (let i = 0; i < 60; i++) {
      const t = performance.now()
      await writeFileAtomicDurable(path.join(club, 'floor.json'), '{"records":{}}\n')
      floor.push(performance.now() - t)
    }
    opens.sort((x, y) => x - y)
    saves.sort((x, y) => x - y)
    saveCpu.sort((x, y) => x - y)
    athleteOpens.sort((x, y) => x - y)
    floor.sort((x, y) => x - y)
    return [
      { name: `club squad: open → squad list + triage board through the dispatcher, warm (${label}), median of 5`, value: percentile(opens, 50), unit: 'ms', target: '≤ 150' },
      { name: 'club squad: open an athlete not in memory (3 installations’ files) p50', value: percentile(athleteOpens, 50), unit: 'ms' },
      { name: 'club squad: save one run through the dispatcher p50', value: percentile(saves, 50), unit: 'ms' },
      { name: 'club squad: save one run through the dispatcher p95', value: percentile(saves, 95), unit: 'ms', target: '≤ 5' },
      { name: 'club squad: save one run, main-thread CPU time p50', value: percentile(saveCpu, 50), unit: 'ms' },
      { name: 'club squad: save one run, main-thread CPU time p95', value: percentile(saveCpu, 95), unit: 'ms' },
      { name: 'club squad: durable write of a small file alone (the disk floor under a save) p50', value: percentile(floor, 50), unit: 'ms' },
      { name: 'club squad: durable write of a small file alone (the disk floor under a save) p95', value: percentile(floor, 95), unit: 'ms' },
    ]
  } finally {
    for (const dir of [dataDir, club, ...others]) rmSync(dir, { recursive: true, force: true })
  }
}
