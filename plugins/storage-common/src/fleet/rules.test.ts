import { parseDuration } from '../model/duration';
import { storageOfferingSchema } from '../model/offering';
import { exampleOffering } from '../model/exampleOfferings';
import { DEFAULT_FLEET_RULES, parseFleetRules } from './rules';

describe('parseFleetRules', () => {
  it('fills in the defaults', () => {
    expect(parseFleetRules(undefined)).toEqual({
      rules: DEFAULT_FLEET_RULES,
      errors: [],
    });
    expect(DEFAULT_FLEET_RULES).toEqual({
      compliance: {
        ebs: {
          requireEncryption: true,
          requireKmsKey: false,
          encryptedByDefault: false,
        },
        efs: { requireTls: true },
      },
      waste: { unusedClaimDays: 14 },
      usage: {
        resizeAbove: 0.8,
        shrinkBelow: 0.2,
        shrinkAfterDays: 7,
        targetUsage: 0.6,
      },
      backups: { maxAgeDays: 1, productionLifecycles: ['production'] },
      expiry: { warnBeforeHours: 24 },
    });
  });

  it('keeps what config sets', () => {
    const { rules } = parseFleetRules({
      compliance: { ebs: { requireKmsKey: true } },
      usage: { resizeAbove: 0.9 },
    });
    expect(rules.compliance.ebs).toEqual({
      requireEncryption: true,
      requireKmsKey: true,
      encryptedByDefault: false,
    });
    expect(rules.usage.resizeAbove).toBe(0.9);
  });

  it('names each bad value by its path and falls back to the defaults', () => {
    expect(
      parseFleetRules({
        usage: { resizeAbove: 2 },
        compliance: { efs: { requireTls: 'yes' } },
      }),
    ).toEqual({
      rules: DEFAULT_FLEET_RULES,
      errors: [
        'storage.fleet.compliance.efs.requireTls: Invalid input: expected boolean, received string',
        'storage.fleet.usage.resizeAbove: Too big: expected number to be <=1',
      ],
    });
  });
});

describe('parseDuration', () => {
  it.each<[unknown, number | undefined]>([
    ['24h', 86400000],
    ['30m', 1800000],
    ['1h30m', 5400000],
    ['7d', 604800000],
    ['1w', 604800000],
    ['90s', 90000],
    ['0h', undefined],
    ['24', undefined],
    ['h', undefined],
    ['1y', undefined],
    [24, undefined],
  ])('%j → %j', (text, ms) => {
    expect(parseDuration(text)).toBe(ms);
  });

  it('checks an offering’s backup schedule', () => {
    const offering = {
      ...exampleOffering('ebs-gp3'),
      backup: { every: '24h', keep: 7 },
    };
    expect(storageOfferingSchema.parse(offering).backup).toEqual({
      every: '24h',
      keep: 7,
    });
    expect(
      storageOfferingSchema.parse({ ...offering, snapshotBeforeDelete: true })
        .snapshotBeforeDelete,
    ).toBe(true);
    expect(
      storageOfferingSchema
        .safeParse({ ...offering, backup: { every: 'daily', keep: 0 } })
        .error?.issues.map(i => `${i.path.join('.')}: ${i.message}`),
    ).toEqual([
      'backup.every: must be a positive duration such as 30m, 24h, 7d or 1h30m',
      'backup.keep: Too small: expected number to be >=1',
    ]);
  });
});
