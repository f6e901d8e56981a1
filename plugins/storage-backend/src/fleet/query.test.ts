import { parseClaimFilter, parseHistoryDays } from './query';

describe('the console’s query parsing', () => {
  it.each([
    [{}, { limit: 500, offset: 0 }],
    [
      { team: 'group:default/team-data', owned: 'false', usageAbove: '80' },
      {
        team: 'group:default/team-data',
        owned: false,
        usageAbove: 80,
        limit: 500,
        offset: 0,
      },
    ],
    [
      { minAgeDays: '7', maxAgeDays: '30', driver: 'ebs', state: 'released' },
      {
        minAgeDays: 7,
        maxAgeDays: 30,
        driver: 'ebs',
        state: 'released',
        limit: 500,
        offset: 0,
      },
    ],
    [
      { limit: '20', offset: '40' },
      { limit: 20, offset: 40 },
    ],
  ])('reads %j', (query, filter) => {
    expect(parseClaimFilter(query)).toEqual(filter);
  });

  it.each([
    [{ minAgeDays: 'abc' }, 'minAgeDays must be a number of days'],
    [{ usageBelow: '-1' }, 'usageBelow must be a percentage from 0 to 100'],
    [
      { driver: 'nfs' },
      'driver must be one of ebs, efs, fsx-lustre, s3, ontap',
    ],
    [{ state: 'happy' }, 'state must be one of provisioning,'],
    [{ owned: 'yes' }, 'owned must be true or false'],
    [{ limit: '0' }, 'limit must be a whole number from 1 to 5000'],
    [{ limit: '2.5' }, 'limit must be a whole number'],
    [{ team: '  ' }, 'team must not be empty'],
    [{ colour: 'red' }, 'colour: not a filter of this route'],
    [
      { minAgeDays: '9', maxAgeDays: '3' },
      'minAgeDays must not be above maxAgeDays',
    ],
  ])('refuses %j, naming the field', (query, message) => {
    expect(() => parseClaimFilter(query)).toThrow(message);
  });

  it('reads the days of a usage history, 30 by default', () => {
    expect(parseHistoryDays({})).toBe(30);
    expect(parseHistoryDays({ days: '7' })).toBe(7);
    expect(() => parseHistoryDays({ days: '400' })).toThrow(
      'days must be a number of days from 1 to 365',
    );
  });
});
