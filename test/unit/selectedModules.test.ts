// The code a build compiles is that of the modules its tenant schema is assembled from
// (test/e2e/moduleSelection.test.ts builds deployments with fewer).
import path from 'node:path';
import { selectedModuleFiles } from '../../scripts/selected-modules.cjs';
import { SELECTED_MODULES } from '../../src/generated/selectedModules';
import manifest from '../../src/generated/tenantModules.json';

const MODULES_DIR = path.resolve(__dirname, '../../src/modules');

test("each selected module's code names its own module, in the assembled schema's order", () => {
  expect(SELECTED_MODULES.map((m) => m.name)).toEqual(manifest.modules.map((m) => m.name));
});

test('a build of some modules imports only theirs and leaves the other folders and the bench out of tsc', () => {
  const files = selectedModuleFiles(MODULES_DIR, ['core', 'catalogue']);
  expect(files['selectedModules.ts']).toContain("import { tenantModule as catalogue } from '../modules/catalogue';");
  expect(files['selectedModules.ts']).not.toContain('invoicing');
  expect(files['moduleEvents.ts']).toContain('export const MODULE_EVENTS = [...catalogue] as const;');
  expect(JSON.parse(files['tsconfig.modules.json'])).toEqual({
    exclude: ['../modules/banking', '../modules/bookings', '../modules/books', '../modules/commerce', '../modules/customers', '../modules/invoicing', '../../bench'],
  });
});

test('a build of every module leaves nothing out', () => {
  const all = manifest.modules.map((m) => m.name);
  expect(JSON.parse(selectedModuleFiles(MODULES_DIR, all)['tsconfig.modules.json'])).toEqual({ exclude: [] });
});

test('a module without code is refused by name', () => {
  expect(() => selectedModuleFiles(MODULES_DIR, ['core', 'rentals'])).toThrow('no code for module rentals');
});
