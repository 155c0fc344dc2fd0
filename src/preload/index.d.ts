import type { ApiTransport } from '../shared/contract'
import type { Shell } from '../shared/shell-contract'

declare global {
  interface Window {
    api?: ApiTransport
    shell?: Shell
  }
}
