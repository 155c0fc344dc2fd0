export { CompareView } from './CompareView'
export { SavedComparisons } from './SavedComparisons'
export { SimilarDialog } from './SimilarDialog'
