export { ThemeSelect } from './theme-select';
export { startTheme } from './theme-store';
