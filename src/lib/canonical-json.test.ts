import { describe, expect, it } from 'vitest';
import { canonicalJson } from './canonical-json.js';

describe('canonical JSON', () => {
  it('sorts keys at every level, drops undefined fields and keeps array order', () => {
    expect(
      canonicalJson({
        b: 1,
        a: { d: [3, { z: true, y: null }], c: 'текст' },
        skipped: undefined,
        list: [undefined, 'x'],
      }),
    ).toBe('{"a":{"c":"текст","d":[3,{"y":null,"z":true}]},"b":1,"list":[null,"x"]}');
  });

  it('gives the same bytes whatever order the keys were written in', () => {
    expect(canonicalJson({ consentId: 'c1', kind: 'processing', channel: 'web' })).toBe(
      canonicalJson({ channel: 'web', kind: 'processing', consentId: 'c1' }),
    );
  });

  it('orders keys by code unit, as the audit chain has always hashed them', () => {
    expect(canonicalJson({ b: 1, B: 2, _: 3, é: 4, '10': 5, '9': 6 })).toBe(
      '{"10":5,"9":6,"B":2,"_":3,"b":1,"é":4}',
    );
  });

  it('writes scalars and empty containers as JSON does', () => {
    expect(canonicalJson(null)).toBe('null');
    expect(canonicalJson(undefined)).toBe('null');
    expect(canonicalJson('a"b')).toBe('"a\\"b"');
    expect(canonicalJson([])).toBe('[]');
    expect(canonicalJson({})).toBe('{}');
  });
});
