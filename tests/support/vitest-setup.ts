import fc from 'fast-check'

// Locally every run explores new random inputs (the seed is printed on failure, for replay).
// CI sets CALFCOACH_TEST_SEED so a submission is judged on the same inputs every time.
const seed = process.env['CALFCOACH_TEST_SEED']
if (seed) fc.configureGlobal({ seed: Number(seed) })
