import path from 'node:path';

/** The project folder, whether this runs compiled (dist/src/...) or from source (tests). */
export const projectRoot = path.resolve(__dirname, __dirname.includes(`${path.sep}dist${path.sep}`) ? '../..' : '..');
