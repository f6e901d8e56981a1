import {
  releasedVolume,
  unusedClaim,
} from '../../__testUtils__/consoleFixtures';
import { relativeTime } from '../../lib/fleet';
import { trendText } from './OverviewSection';
import { formatHours, scheduleText } from './BackupsSection';
import {
  suggestionHowTo,
  suggestionMoney,
  suggestionTitle,
} from '../usage/SuggestionText';
import { wasteAgeDays, wasteByKind, wasteKind } from './WasteSection';
import { reclaimConsequence } from './DeleteClaimDialog';

const NOW = Date.parse('2026-03-02T12:00:00Z');

describe('the console in words', () => {
  it.each([
    [
      {
        action: 'resize',
        fromSize: '100Gi',
        toSize: '160Gi',
        usedFraction: 0.92,
        monthlySavingUsd: -4.8,
      },
      'Resize from 100Gi to 160Gi',
      'Adds $4.80/mo',
    ],
    [
      {
        action: 'shrink-by-migration',
        fromSize: '500Gi',
        toSize: '100Gi',
        usedFraction: 0.08,
        monthlySavingUsd: 32,
      },
      'Shrink from 500Gi to 100Gi by migration',
      'Saves $32.00/mo',
    ],
    [
      {
        action: 'smaller-offering',
        fromSize: '1200Gi',
        toSize: '1200Gi',
        offering: 'fsx-scratch-small',
        usedFraction: 0.1,
      },
      'Move to fsx-scratch-small at 1200Gi',
      '',
    ],
  ] as const)('suggestion %j', (suggestion, title, money) => {
    expect(suggestionTitle(suggestion)).toBe(title);
    expect(suggestionMoney(suggestion)).toBe(money);
  });

  it('says how to carry a suggestion out', () => {
    expect(
      suggestionHowTo({
        action: 'resize',
        fromSize: '1Gi',
        toSize: '2Gi',
        usedFraction: 0.9,
      }),
    ).toMatch(/^90% used\. Resize the claim from its page/);
    expect(
      suggestionHowTo({
        action: 'shrink-by-migration',
        fromSize: '10Gi',
        toSize: '2Gi',
        usedFraction: 0.05,
      }),
    ).toMatch(
      /cannot shrink in place: request a new claim of 2Gi, copy the data/,
    );
  });

  it.each([
    [[], 'Not enough history for a trend yet.'],
    [
      [{ date: '2026-03-01', totalMonthlyUsd: 10 }],
      'Not enough history for a trend yet.',
    ],
    [
      [
        { date: '2026-02-01', totalMonthlyUsd: 100 },
        { date: '2026-03-01', totalMonthlyUsd: 75 },
      ],
      '−$25.00/mo (−25%) since 2026-02-01',
    ],
    [
      [
        { date: '2026-02-01', totalMonthlyUsd: 0 },
        { date: '2026-03-01', totalMonthlyUsd: 5 },
      ],
      '+$5.00/mo since 2026-02-01',
    ],
  ])('cost trend %j', (trend, text) => {
    expect(trendText(trend)).toBe(text);
  });

  it.each([
    ['2026-03-02T17:00:00Z', 'in 5 hours'],
    ['2026-03-05T12:00:00Z', 'in 3 days'],
    ['2026-03-02T11:00:00Z', '1 hour ago'],
    ['2026-02-20T12:00:00Z', '10 days ago'],
    ['2026-03-02T12:10:00Z', 'within the hour'],
    ['not a date', ''],
  ])('expiry %s is %s', (iso, text) => {
    expect(relativeTime(iso, NOW)).toBe(text);
  });

  it('names backups and their schedules', () => {
    expect(formatHours(0.5)).toBe('under an hour');
    expect(formatHours(24)).toBe('24 h');
    expect(formatHours(106)).toBe('4 days');
    expect(scheduleText(undefined)).toBe('No schedule');
    expect(scheduleText({ offering: 'x', everyHours: 168, keep: 4 })).toBe(
      'Every 7 days, keeps 4',
    );
  });

  it('groups waste by kind, costliest first', () => {
    expect(wasteKind('released-volume')).toBe('Released volumes');
    expect(wasteKind('released-volume-retained')).toBe('Released volumes');
    expect(wasteKind('snapshot-orphaned')).toBe('Snapshot orphaned');
    expect(
      wasteByKind([
        releasedVolume,
        unusedClaim,
        { ...unusedClaim, id: 'u2', monthlyUsd: 1.5 },
      ]),
    ).toEqual([
      { kind: 'Released volumes', count: 1, monthlyUsd: 16 },
      { kind: 'Claims no pod uses', count: 2, monthlyUsd: 5.5 },
    ]);
  });

  it('ages waste by its own count, else since it began', () => {
    expect(wasteAgeDays(releasedVolume)).toBe(12);
    expect(
      wasteAgeDays({
        ...releasedVolume,
        ageDays: undefined,
        since: new Date(Date.now() - 3 * 86_400_000).toISOString(),
      }),
    ).toBe(3);
  });

  it('says what deleting a claim does to its volume', () => {
    expect(reclaimConsequence('Retain')).toMatch(/kept .* and still billed/);
    expect(reclaimConsequence('Delete')).toMatch(/deleted with it/);
    expect(reclaimConsequence(undefined)).toMatch(/reclaim policy decides/);
  });
});
