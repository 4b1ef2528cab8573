export { SearchBar } from './search-bar';
export { findCompleted, searchStore } from './search-store';
