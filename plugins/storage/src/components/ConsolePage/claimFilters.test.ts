import {
  apiFilter,
  filtersFromQuery,
  invalidNumbers,
  queryFromFilters,
} from './claimFilters';

describe('claim filters', () => {
  it('read the query string, ignoring parameters that are not filters', () => {
    const filters = filtersFromQuery(
      new URLSearchParams('cluster=eks-dev&owned=false&tab=1&team=%20'),
    );
    expect(filters.cluster).toBe('eks-dev');
    expect(filters.owned).toBe('false');
    expect(filters.team).toBe('');
    expect(queryFromFilters(filters)).toEqual({
      cluster: 'eks-dev',
      owned: 'false',
    });
  });

  it.each([
    ['owned=true', { owned: true }],
    ['owned=false', { owned: false }],
    ['owned=maybe', {}],
    ['usageAbove=80&minAgeDays=7.5', { usageAbove: 80, minAgeDays: 7.5 }],
    ['usageAbove=eighty&maxAgeDays=-3', {}],
    [
      'team=group:default/team-payments&driver=ebs',
      { team: 'group:default/team-payments', driver: 'ebs' },
    ],
  ])('%s asks the API for %j (and at most 500 rows)', (query, expected) => {
    expect(apiFilter(filtersFromQuery(new URLSearchParams(query)))).toEqual({
      ...expected,
      limit: 500,
    });
  });

  it.each([
    ['usageAbove=80', []],
    ['usageAbove=180', ['usageAbove']],
    ['minAgeDays=ten&usageBelow=x', ['minAgeDays', 'usageBelow']],
    ['maxAgeDays=400', []],
  ])('%s: numbers that are not numbers are %j', (query, expected) => {
    expect(
      invalidNumbers(filtersFromQuery(new URLSearchParams(query))),
    ).toEqual(expected);
  });
});
