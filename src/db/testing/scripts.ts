/**
 * The repository's scripts that db tests use: the dataset generator and the range server. Only
 * test helpers (testing/ folders) may reach into scripts/, so tests import them from here.
 */
export { generateDataset } from '../../../scripts/generator/generate-dataset';
export { startStaticServer, type StaticServer } from '../../../scripts/serve-range';
