import net from 'node:net';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { coerceAttribute, describeValue, isIPv4, isIPv6, validateAttributes } from './attributes.ts';
import { type AttributeDef, DEFAULT_CI_CLASSES, resolveAttributes } from './classes.ts';

function attr(key: string, type: AttributeDef['type'], extra: Partial<AttributeDef> = {}): AttributeDef {
  return { key, label: key, type, required: false, unique: false, ...extra };
}

/** Coerces one value: the coerced value, or the error message. */
function coerce(def: AttributeDef, raw: unknown) {
  const r = coerceAttribute(def, raw);
  return r.ok ? r.value : `error: ${r.message}`;
}

describe('validateAttributes', () => {
  const defs = [
    attr('hostname', 'string', { required: true }),
    attr('memory_gb', 'number', { min: 0 }),
    attr('virtual', 'boolean'),
  ];

  it('coerces CSV strings and fills absent optional attributes with null', () => {
    expect(validateAttributes(defs, { hostname: ' web01 ', memory_gb: '16' })).toEqual({
      values: { hostname: 'web01', memory_gb: 16, virtual: null },
      errors: [],
    });
  });

  it('gives a human message naming the attribute and the bad value', () => {
    expect(validateAttributes(defs, { hostname: 'a', memory_gb: 'lots' }).errors).toEqual([
      { field: 'attributes.memory_gb', message: 'memory_gb must be a number, got "lots"' },
    ]);
  });

  it('leaves invalid attributes out of the values', () => {
    expect(validateAttributes(defs, { hostname: 'a', memory_gb: 'lots' }).values).toEqual({
      hostname: 'a',
      virtual: null,
    });
  });

  it('requires required attributes, treating blank strings as missing', () => {
    for (const hostname of [undefined, null, '', '   ']) {
      expect(validateAttributes(defs, { hostname }).errors).toEqual([
        { field: 'attributes.hostname', message: 'hostname is required' },
      ]);
    }
  });

  it('turns blank optional values into null (a blank CSV cell clears the attribute)', () => {
    expect(validateAttributes(defs, { hostname: 'a', memory_gb: '', virtual: null }).values).toEqual({
      hostname: 'a',
      memory_gb: null,
      virtual: null,
    });
  });

  it('reports unknown attribute keys', () => {
    expect(validateAttributes(defs, { hostname: 'a', colour: 'red' }).errors).toEqual([
      { field: 'attributes.colour', message: 'colour is not an attribute of this class' },
    ]);
  });

  it('ignores keys whose value is undefined', () => {
    expect(validateAttributes(defs, { hostname: 'a', colour: undefined }).errors).toEqual([]);
  });

  it('is safe against a __proto__ key', () => {
    const result = validateAttributes(defs, JSON.parse('{"hostname":"a","__proto__":{"polluted":true}}'));
    expect(result.errors).toEqual([
      { field: 'attributes.__proto__', message: '__proto__ is not an attribute of this class' },
    ]);
    expect(Object.getPrototypeOf(result.values)).toBe(Object.prototype);
  });

  describe('partial (patch) mode', () => {
    it('checks and returns only the attributes given', () => {
      expect(validateAttributes(defs, { memory_gb: '8' }, { partial: true })).toEqual({
        values: { memory_gb: 8 },
        errors: [],
      });
    });

    it('still refuses to clear a required attribute', () => {
      expect(validateAttributes(defs, { hostname: '' }, { partial: true }).errors).toEqual([
        { field: 'attributes.hostname', message: 'hostname is required' },
      ]);
    });

    it('still reports unknown keys', () => {
      expect(validateAttributes(defs, { nope: 1 }, { partial: true }).errors).toHaveLength(1);
    });
  });

  it('validates a realistic server row from CSV against the default model', () => {
    const { attributes } = resolveAttributes(DEFAULT_CI_CLASSES, 'physical_server');
    const row = {
      hostname: 'db01',
      serial_number: 'SN-1',
      ip_address: '10.0.0.5',
      os: 'Linux',
      cpu_count: '32',
      memory_gb: '256',
      rack_unit: '12',
      purchase_date: '2023-04-01',
    };
    const result = validateAttributes(attributes, row);
    expect(result.errors).toEqual([]);
    expect(result.values).toMatchObject({
      os: 'linux',
      cpu_count: 32,
      memory_gb: 256,
      rack_unit: 12,
      rack: null,
    });
  });
});

describe('coercion by type', () => {
  it('string: trims, stringifies numbers and booleans, rejects objects, enforces maxLength in characters', () => {
    const s = attr('name', 'string', { maxLength: 3 });
    expect(coerce(s, '  ab ')).toBe('ab');
    expect(coerce(s, 42)).toBe('42');
    expect(coerce(s, true)).toBe('error: name must be at most 3 characters, got 4');
    expect(coerce(s, '😀😀😀')).toBe('😀😀😀');
    expect(coerce(s, 'abcd')).toBe('error: name must be at most 3 characters, got 4');
    expect(coerce(s, { a: 1 })).toBe('error: name must be text, got an object');
    expect(coerce(s, [1])).toBe('error: name must be text, got a list');
  });

  it('text: keeps whitespace and line breaks', () => {
    expect(coerce(attr('notes', 'text'), '  line 1\nline 2 ')).toBe('  line 1\nline 2 ');
  });

  it('integer: accepts whole numbers written any usual way, rejects fractions and junk', () => {
    const i = attr('cpu_count', 'integer');
    expect(coerce(i, '42')).toBe(42);
    expect(coerce(i, ' +7 ')).toBe(7);
    expect(coerce(i, '-3')).toBe(-3);
    expect(coerce(i, '42.0')).toBe(42);
    expect(coerce(i, '1e3')).toBe(1000);
    expect(coerce(i, 12)).toBe(12);
    expect(coerce(i, '4.5')).toBe('error: cpu_count must be a whole number, got "4.5"');
    expect(coerce(i, 4.5)).toBe('error: cpu_count must be a whole number, got 4.5');
    expect(coerce(i, '0x10')).toBe('error: cpu_count must be a whole number, got "0x10"');
    expect(coerce(i, '1,000')).toBe('error: cpu_count must be a whole number, got "1,000"');
    expect(coerce(i, true)).toBe('error: cpu_count must be a whole number, got true');
    expect(coerce(i, '99999999999999999999')).toBe(
      'error: cpu_count is too large to store exactly, got "99999999999999999999"',
    );
  });

  it('number: accepts decimals and exponents, rejects non-finite values', () => {
    const n = attr('memory_gb', 'number');
    expect(coerce(n, '15.5')).toBe(15.5);
    expect(coerce(n, '.5')).toBe(0.5);
    expect(coerce(n, '2.5e2')).toBe(250);
    expect(coerce(n, '-0')).toBe(0);
    expect(Object.is(coerce(n, '-0'), -0)).toBe(false);
    expect(coerce(n, 'Infinity')).toBe('error: memory_gb must be a number, got "Infinity"');
    expect(coerce(n, Number.NaN)).toBe('error: memory_gb must be a number, got NaN');
    expect(coerce(n, '1e999')).toBe('error: memory_gb must be a number, got "1e999"');
  });

  it('integer and number: enforce min and max inclusively', () => {
    const n = attr('port', 'integer', { min: 1, max: 65535 });
    expect(coerce(n, '1')).toBe(1);
    expect(coerce(n, 65535)).toBe(65535);
    expect(coerce(n, '0')).toBe('error: port must be at least 1, got 0');
    expect(coerce(n, 70000)).toBe('error: port must be at most 65535, got 70000');
  });

  it('boolean: accepts true/yes/y/1/on and false/no/n/0/off in any case', () => {
    const b = attr('virtual', 'boolean');
    for (const t of [true, 'true', 'TRUE', 'Yes', 'y', '1', 1, 'on', ' on ']) expect(coerce(b, t)).toBe(true);
    for (const f of [false, 'false', 'No', 'n', '0', 0, 'OFF']) expect(coerce(b, f)).toBe(false);
    expect(coerce(b, 'maybe')).toBe(
      'error: virtual must be true or false (yes/no, 1/0 and on/off also work), got "maybe"',
    );
    expect(coerce(b, 2)).toMatch(/^error: virtual must be true or false/);
  });

  it('date: accepts real calendar dates as YYYY-MM-DD', () => {
    const d = attr('purchase_date', 'date');
    expect(coerce(d, '2024-02-29')).toBe('2024-02-29');
    expect(coerce(d, ' 2023-12-31 ')).toBe('2023-12-31');
    expect(coerce(d, new Date('2024-05-01T10:00:00Z'))).toBe('2024-05-01');
    const bad = 'error: purchase_date must be a date written YYYY-MM-DD, got';
    expect(coerce(d, '2023-02-29')).toBe(`${bad} "2023-02-29"`);
    expect(coerce(d, '1900-02-29')).toBe(`${bad} "1900-02-29"`);
    expect(coerce(d, '2000-02-29')).toBe('2000-02-29');
    expect(coerce(d, '2024-13-01')).toBe(`${bad} "2024-13-01"`);
    expect(coerce(d, '2024-04-31')).toBe(`${bad} "2024-04-31"`);
    expect(coerce(d, '01/02/2024')).toBe(`${bad} "01/02/2024"`);
    expect(coerce(d, new Date('nope'))).toBe(`${bad} an invalid date`);
  });

  it('datetime: requires a time zone and normalises to UTC', () => {
    const t = attr('seen_at', 'datetime');
    expect(coerce(t, '2024-05-01T14:30:00Z')).toBe('2024-05-01T14:30:00.000Z');
    expect(coerce(t, '2024-05-01 14:30+02:00')).toBe('2024-05-01T12:30:00.000Z');
    expect(coerce(t, '2024-05-01T14:30:00.123456-0130')).toBe('2024-05-01T16:00:00.123Z');
    expect(coerce(t, new Date(Date.UTC(2024, 0, 1)))).toBe('2024-01-01T00:00:00.000Z');
    expect(coerce(t, '2024-05-01T14:30:00')).toBe(
      'error: seen_at must be a date and time in ISO 8601 form with a time zone (Z or +02:00), got "2024-05-01T14:30:00"',
    );
    expect(coerce(t, '2024-05-01T24:00:00Z')).toMatch(/with a real date and time/);
    expect(coerce(t, '2024-02-30T10:00:00Z')).toMatch(/with a real date and time/);
    expect(coerce(t, '2024-05-01T10:00:00+25:00')).toMatch(/with a valid time zone/);
    expect(coerce(t, 'yesterday')).toMatch(/\(2024-05-01T14:30:00Z\), got "yesterday"$/);
  });

  it('enum: matches exactly, then case-insensitively to the canonical value', () => {
    const e = attr('os', 'enum', { allowedValues: ['linux', 'windows', 'Other'] });
    expect(coerce(e, 'linux')).toBe('linux');
    expect(coerce(e, ' WINDOWS ')).toBe('windows');
    expect(coerce(e, 'other')).toBe('Other');
    expect(coerce(e, 'solaris')).toBe('error: os must be one of linux, windows, Other, got "solaris"');
  });

  it('enum: does not guess when case-folding is ambiguous', () => {
    const e = attr('k', 'enum', { allowedValues: ['a', 'A'] });
    expect(coerce(e, 'A')).toBe('A');
    expect(coerce(e, ' a')).toBe('a');
    expect(coerce(attr('k', 'enum', { allowedValues: ['ab', 'AB'] }), 'Ab')).toMatch(/^error/);
  });

  it('enum: matches numbers against their string form', () => {
    expect(coerce(attr('tier', 'enum', { allowedValues: ['1', '2'] }), 2)).toBe('2');
  });

  it('ip: accepts IPv4 and IPv6, lower-casing IPv6', () => {
    const ip = attr('ip_address', 'ip');
    expect(coerce(ip, '192.168.0.1')).toBe('192.168.0.1');
    expect(coerce(ip, 'FE80::1')).toBe('fe80::1');
    expect(coerce(ip, '::ffff:10.0.0.1')).toBe('::ffff:10.0.0.1');
    expect(coerce(ip, '10.0.0.256')).toBe(
      'error: ip_address must be an IPv4 or IPv6 address, got "10.0.0.256"',
    );
    expect(coerce(ip, '10.0.0.0/8')).toMatch(/^error/);
    expect(coerce(ip, 167772161)).toMatch(/^error/);
  });

  it('url: accepts http(s) addresses with a host only', () => {
    const u = attr('url', 'url', { maxLength: 32 });
    expect(coerce(u, ' https://intranet.example.com/app ')).toBe('https://intranet.example.com/app');
    expect(coerce(u, 'http://10.0.0.1:8080')).toBe('http://10.0.0.1:8080');
    const bad = 'error: url must be a web address starting with http:// or https://, got';
    expect(coerce(u, 'intranet.example.com')).toBe(`${bad} "intranet.example.com"`);
    expect(coerce(u, 'javascript:alert(1)')).toBe(`${bad} "javascript:alert(1)"`);
    expect(coerce(u, 'ftp://files.example.com')).toBe(`${bad} "ftp://files.example.com"`);
    expect(coerce(u, 'http://exa mple.com')).toBe(`${bad} "http://exa mple.com"`);
    expect(coerce(u, 'https://a-very-long-host.example.com/')).toBe(
      'error: url must be at most 32 characters, got 37',
    );
  });

  it('reference: accepts an id as a string or positive integer', () => {
    const r = attr('host', 'reference', { referenceClass: 'server' });
    expect(coerce(r, ' 6f1c ')).toBe('6f1c');
    expect(coerce(r, 12)).toBe('12');
    expect(coerce(r, -1)).toBe('error: host must be the id of a configuration item, got -1');
    expect(coerce(r, { id: 1 })).toMatch(/^error/);
  });
});

describe('describeValue', () => {
  it('quotes strings and shortens long ones', () => {
    expect(describeValue('lots')).toBe('"lots"');
    expect(describeValue('x'.repeat(100))).toBe(`"${'x'.repeat(57)}..."`);
    expect(describeValue(null)).toBe('null');
    expect(describeValue(() => 1)).toBe('a function');
  });
});

describe('IP address formats', () => {
  it.each([
    '::',
    '::1',
    '1::',
    '1:2:3:4:5:6:7:8',
    '1:2:3:4:5:6:7::',
    '::2:3:4:5:6:7:8',
    '1:2:3:4:5:6:1.2.3.4',
    '::1.2.3.4',
    '2001:db8::8a2e:370:7334',
  ])('%s is IPv6', (s) => expect(isIPv6(s)).toBe(true));

  it.each([
    '',
    ':::',
    '1:2:3:4:5:6:7:8:9',
    '1::2::3',
    ':1:2:3:4:5:6:7',
    '1:2:3:4:5:6:7:8::',
    '1.2.3.4::',
    '12345::',
    'g::1',
    'fe80::1%eth0',
    '1:2:3:4:5:6:7:1.2.3.4',
  ])('%s is not IPv6', (s) => expect(isIPv6(s)).toBe(false));

  it.each(['0.0.0.0', '255.255.255.255', '10.1.2.3'])('%s is IPv4', (s) => expect(isIPv4(s)).toBe(true));
  it.each(['256.0.0.1', '1.2.3', '01.2.3.4', '1.2.3.4.', ' 1.2.3.4'])('%s is not IPv4', (s) =>
    expect(isIPv4(s)).toBe(false),
  );

  it('agrees with node:net on generated addresses', () => {
    const v6 = fc.oneof(
      fc.ipV6(),
      fc.ipV4(),
      fc.ipV4Extended(),
      fc.string({ unit: fc.constantFrom(...'0123456789abcdef:.') }),
    );
    fc.assert(
      fc.property(v6, (s) => {
        expect(isIPv4(s)).toBe(net.isIPv4(s));
        expect(isIPv6(s)).toBe(net.isIPv6(s));
      }),
      { numRuns: 2000 },
    );
  });
});

describe('coercion properties', () => {
  it('integers survive a trip through CSV text', () => {
    const i = attr('n', 'integer');
    fc.assert(fc.property(fc.maxSafeInteger(), (n) => coerce(i, String(n)) === n + 0));
  });

  it('finite numbers survive a trip through CSV text', () => {
    const n = attr('n', 'number');
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (x) => coerce(n, String(x)) === x + 0),
    );
  });

  it('every real calendar date is accepted as written', () => {
    const d = attr('d', 'date');
    const dates = fc.date({
      min: new Date('0001-01-01T00:00:00Z'),
      max: new Date('9999-12-31T00:00:00Z'),
      noInvalidDate: true,
    });
    fc.assert(
      fc.property(dates, (date) => {
        const s = date.toISOString().slice(0, 10);
        return coerce(d, s) === s;
      }),
    );
  });

  it('partial validation never reports a missing attribute as required', () => {
    const defs = [attr('a', 'string', { required: true }), attr('b', 'integer', { required: true })];
    fc.assert(
      fc.property(fc.subarray(['a', 'b']), (keys) => {
        const input = Object.fromEntries(keys.map((k) => [k, k === 'a' ? 'x' : '1']));
        const result = validateAttributes(defs, input, { partial: true });
        return result.errors.length === 0 && Object.keys(result.values).length === keys.length;
      }),
    );
  });

  it('full validation returns a value or an error for every attribute, never both', () => {
    const defs = [
      attr('s', 'string'),
      attr('i', 'integer'),
      attr('b', 'boolean'),
      attr('e', 'enum', { allowedValues: ['x'] }),
    ];
    const raw = fc.oneof(fc.string(), fc.integer(), fc.boolean(), fc.constant(null), fc.double());
    fc.assert(
      fc.property(fc.record({ s: raw, i: raw, b: raw, e: raw }), (input) => {
        const result = validateAttributes(defs, input);
        for (const def of defs) {
          const hasValue = Object.hasOwn(result.values, def.key);
          const hasError = result.errors.some((e) => e.field === `attributes.${def.key}`);
          expect(hasValue !== hasError).toBe(true);
        }
      }),
    );
  });
});
