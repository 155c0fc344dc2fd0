export { TagsSidebar } from './TagsSidebar'
