export { SearchBar } from './search-bar';
export { findCompleted, searchStoreOf } from './search-store';
