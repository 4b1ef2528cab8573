export { ChartsPanel } from './charts-panel';
