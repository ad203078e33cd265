// The documentation stays navigable: the README is a front page, every page says what it
// covers and is reachable from the README, every relative link lands somewhere, and the
// code layout in docs/architecture.md is the code's.
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { docPage, docPages, fencedBlocks, prose, root } from '../support/docs';

const pages = docPages();
const readme = docPage('README.md');

/** GitHub's anchor for a heading: lower case, punctuation dropped, spaces as hyphens. */
const anchorOf = (heading: string) =>
  heading
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s_-]/gu, '')
    .replace(/ /g, '-');

const anchorsOf = (text: string) => new Set([...prose(text).matchAll(/^#+ (.+)$/gm)].map(([, heading]) => anchorOf(heading)));

test('the README is a front page: under 300 lines', () => {
  expect(readme.text.split('\n').length).toBeLessThan(300);
});

test('every page starts with its title and a line saying what it covers', () => {
  const untitled = pages
    .filter(({ file }) => file !== 'README.md')
    .filter(({ text }) => !/^(<!--.*-->\n)?# .+\n\n[A-Z`].+/.test(text))
    .map(({ file }) => file);
  expect(untitled).toEqual([]);
});

test('every page is linked from the README', () => {
  const unlinked = pages.filter(({ file }) => file !== 'README.md' && !readme.text.includes(`](${file})`)).map(({ file }) => file);
  expect(unlinked).toEqual([]);
});

test('every relative link and anchor resolves', () => {
  const broken = pages.flatMap(({ file, text }) =>
    [...prose(text).matchAll(/\]\(([^)\s]+)\)/g)]
      .map(([, target]) => target)
      .filter((target) => !/^[a-z]+:/.test(target))
      .filter((target) => {
        const [relative, anchor] = target.split('#');
        const linked = relative ? path.join(path.dirname(path.join(root, file)), relative) : path.join(root, file);
        if (!existsSync(linked)) return true;
        return Boolean(anchor) && linked.endsWith('.md') && !anchorsOf(docPage(path.relative(root, linked)).text).has(anchor);
      })
      .map((target) => `${file}: ${target}`),
  );
  expect(broken).toEqual([]);
});

describe('the code layout in docs/architecture.md', () => {
  const architecture = docPage('docs/architecture.md').text;
  const layout = fencedBlocks(architecture.slice(architecture.indexOf('## Code layout'))).find((block) => block.language === 'text')!;
  const named = layout.body
    .split('\n')
    .filter(Boolean)
    .map((line) => line.split(/\s+/)[0]);

  test('names only folders that exist', () => {
    expect(named.filter((folder) => !existsSync(path.join(root, folder)) || !statSync(path.join(root, folder)).isDirectory())).toEqual([]);
  });

  test('names every folder of src/ (the generated clients aside)', () => {
    const folders = (dir: string): string[] =>
      readdirSync(path.join(root, dir), { withFileTypes: true })
        .filter((entry) => entry.isDirectory() && entry.name !== 'generated')
        .flatMap((entry) => [`${dir}/${entry.name}/`, ...folders(`${dir}/${entry.name}`)]);
    expect(folders('src').filter((folder) => !named.includes(folder))).toEqual([]);
  });
});
