// The documentation as tests read it: the pages (README.md and docs/*.md), their
// fenced blocks and their tables.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

export const root = path.resolve(__dirname, '../..');

export interface DocPage {
  /** Relative to the repository root: `README.md`, `docs/errors.md`. */
  file: string;
  text: string;
}

/** README.md first, then every docs/*.md page by name. */
export function docPages(): DocPage[] {
  const pages = readdirSync(path.join(root, 'docs'))
    .filter((name) => name.endsWith('.md'))
    .sort()
    .map((name) => `docs/${name}`);
  return ['README.md', ...pages].map((file) => ({ file, text: readFileSync(path.join(root, file), 'utf8') }));
}

export function docPage(file: string): DocPage {
  return { file, text: readFileSync(path.join(root, file), 'utf8') };
}

const FENCED = /^( *)```([^\n]*)\n([\s\S]*?)^\1```$/gm;

export interface FencedBlock {
  /** The first word of the info string: `graphql`, `sh`, `js`, ... */
  language: string;
  /** The words after it: `no-run`, ... */
  markers: string[];
  body: string;
  /** 1-based line of the opening fence, for messages. */
  line: number;
}

export function fencedBlocks(text: string): FencedBlock[] {
  // A fence may be indented, inside a list item; its lines are then indented as much.
  return [...text.matchAll(FENCED)].map((match) => {
    const [, indent, info, body] = match;
    const [language = '', ...markers] = info.trim().split(/\s+/);
    return {
      language,
      markers,
      body: body.replace(new RegExp(`^${indent}`, 'gm'), ''),
      line: text.slice(0, match.index).split('\n').length,
    };
  });
}

/** The text outside fenced blocks: the prose, where headings and links are. */
export const prose = (text: string) => text.replace(FENCED, '');

/** The rows of the first table under `## <heading>`, as trimmed cells (header and separator left out). */
export function tableUnder(text: string, heading: string): string[][] {
  const section = text.split(/^## /m).find((part) => part.startsWith(`${heading}\n`));
  if (!section) throw new Error(`no "## ${heading}" section`);
  const lines = section.split('\n');
  const start = lines.findIndex((line) => line.startsWith('|'));
  const end = lines.findIndex((line, i) => i > start && !line.startsWith('|'));
  return lines.slice(start + 2, end === -1 ? undefined : end).map((line) =>
    line
      .slice(1, -1)
      .split(/(?<!\\)\|/)
      .map((cell) => cell.trim()),
  );
}
