import fc from 'fast-check';
import { formatQuantity, parseQuantity, toGiB } from './quantity';

describe('parseQuantity', () => {
  it.each([
    ['10Gi', 10 * 2 ** 30],
    ['500M', 500e6],
    ['1.5Ti', 1.5 * 2 ** 40],
    ['1e3', 1000],
    ['1E3', 1000],
    ['100m', 0.1],
    ['1k', 1000],
    ['2Ki', 2048],
    ['1E', 1e18],
    ['0', 0],
    ['.5Gi', 0.5 * 2 ** 30],
    ['+1Mi', 2 ** 20],
    ['-1Gi', -(2 ** 30)],
    ['12345', 12345],
  ])('parses %s', (text, bytes) => {
    expect(parseQuantity(text)).toBeCloseTo(bytes, 6);
  });

  it.each([
    '',
    'Gi',
    '10 Gi',
    '10GB',
    '10gi',
    '1.2.3',
    '10Gii',
    'abc',
    ' 10Gi',
    '1e',
    'NaN',
    'Infinity',
  ])('rejects %j', text => {
    expect(parseQuantity(text)).toBeUndefined();
  });

  it('rejects non-strings without throwing', () => {
    for (const value of [null, undefined, {}, [], NaN, Infinity, true]) {
      expect(parseQuantity(value)).toBeUndefined();
    }
  });

  it('never throws on any string', () => {
    expect(() =>
      fc.assert(
        fc.property(fc.string(), text => {
          const value = parseQuantity(text);
          return value === undefined || Number.isFinite(value);
        }),
      ),
    ).not.toThrow();
  });

  it('round-trips whole byte counts through formatQuantity', () => {
    expect(() =>
      fc.assert(
        fc.property(
          fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }),
          bytes => {
            return parseQuantity(formatQuantity(bytes)) === bytes;
          },
        ),
      ),
    ).not.toThrow();
  });
});

describe('formatQuantity', () => {
  it.each([
    [10 * 2 ** 30, '10Gi'],
    [1.5 * 2 ** 40, '1536Gi'],
    [500e6, '500M'],
    [1000, '1k'],
    [1023, '1023'],
    [0.1, '1'],
    [0, '0'],
  ])('formats %d as %s', (bytes, text) => {
    expect(formatQuantity(bytes)).toBe(text);
  });
});

describe('toGiB', () => {
  it('converts quantities to GiB', () => {
    expect(toGiB('10Gi')).toBe(10);
    expect(toGiB('1Ti')).toBe(1024);
    expect(toGiB('bad')).toBeUndefined();
  });
});
