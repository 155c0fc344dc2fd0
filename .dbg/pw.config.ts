import base from '../playwright.config'
export default { ...base, testDir: '.', testMatch: 'probe.spec.ts' }
