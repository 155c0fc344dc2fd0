export { Palette } from './Palette'
export { paletteClient, startPaletteIndex } from './palette-client'
