export { SearchBox } from './SearchBox'
export { SearchResults } from './SearchResults'
export { startInstantSearch } from './search-controller'
