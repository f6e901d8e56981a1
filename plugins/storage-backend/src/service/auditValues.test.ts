import { auditFieldsOf, auditValue } from './auditValues';

describe('audit values', () => {
  it('cuts long text and says how long it was', () => {
    const value = auditValue('a'.repeat(300_000))!;
    expect(value.length).toBeLessThan(240);
    expect(value).toMatch(/…\(300000 characters\)$/);
  });

  it('escapes control characters and lone surrogates', () => {
    expect(auditValue('a\nb\u0000c\ud800')).toBe('a\\nb\\u0000c\\ud800');
  });

  it('never stringifies what is not text', () => {
    expect(auditValue({ toString: 1 })).toBe('<object>');
    expect(auditValue(['x'])).toBe('<object>');
    expect(auditValue(null)).toBe('<null>');
    expect(auditValue(7)).toBe('<number>');
  });

  it('takes only the request fields an audit names, as own properties', () => {
    const body = JSON.parse(
      '{"__proto__":{"operation":"delete"},"entityRef":"component:default/a","extra":"x"}',
    );
    expect(auditFieldsOf(body)).toEqual({ entityRef: 'component:default/a' });
    expect(auditFieldsOf('not an object')).toEqual({});
  });
});
