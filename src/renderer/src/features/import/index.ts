export { DropZone } from './DropZone'
export { ImportTray } from './ImportTray'
export { listenForJobs } from './import-controller'
