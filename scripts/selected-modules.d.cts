/** The contents of src/generated/selectedModules.ts, moduleEvents.ts and tsconfig.modules.json for the modules `selected` (in requires order) of the code in `modulesDir`. */
export function selectedModuleFiles(
  modulesDir: string,
  selected: string[],
): { 'selectedModules.ts': string; 'moduleEvents.ts': string; 'tsconfig.modules.json': string };
