/** Whether the window was opened as the chart bench (bench/chart-render.bench.ts), kept apart so the check costs no chart code. */
export function chartBenchRequested(): boolean {
  return new URLSearchParams(window.location.search).get('bench') === 'chart'
}
