// docs/configuration.md, generated from src/config.ts so the page and the settings
// never disagree. `npm run docs:configuration` writes it; test/docs/configurationPage.test.ts
// fails while the committed page is stale.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { settingsReference } from '../config';

const cell = (text: string) => text.replaceAll('|', '\\|');

export function configurationPage(): string {
  const rows = settingsReference().map(
    (setting) => `| \`${setting.name}\` | ${cell(setting.type)} | ${setting.default === undefined ? '(unset)' : cell(`\`${setting.default}\``)} | ${cell(setting.description)} |`,
  );
  return `<!-- Generated from src/config.ts by \`npm run docs:configuration\`: change the settings there, not here. -->
# Configuration

Every setting of the gateway, with its type and default.

Settings are environment variables, read and checked once at start: a mistake stops the
start with one line naming each setting at fault (never its value, which may be a secret).
\`npm start -- --help\` lists them too. Which ones matter in production is in
[Operations](operations.md).

| variable | type | default | what it does |
|---|---|---|---|
${rows.join('\n')}
`;
}

if (require.main === module) {
  const target = path.resolve(__dirname, '../../../docs/configuration.md');
  writeFileSync(target, configurationPage());
  console.log(`wrote ${path.relative(process.cwd(), target)}`);
}
