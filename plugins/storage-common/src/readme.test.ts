import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { VALIDATION_RULES } from './validation';

describe('README', () => {
  it('lists every validation rule', () => {
    const readme = readFileSync(resolve(__dirname, '../README.md'), 'utf8');
    for (const code of Object.keys(VALIDATION_RULES)) {
      expect(readme).toContain(`\`${code}\``);
    }
  });
});
