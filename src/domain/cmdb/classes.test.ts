import { describe, expect, it } from 'vitest';
import {
  type AttributeDef,
  ancestry,
  attributeOwner,
  type CiClass,
  DEFAULT_CI_CLASSES,
  isSubclassOf,
  resolveAttributes,
  resolveIdentifiers,
  subclassesOf,
  validateClassModel,
} from './classes.ts';

function attr(
  key: string,
  type: AttributeDef['type'] = 'string',
  extra: Partial<AttributeDef> = {},
): AttributeDef {
  return { key, label: key, type, required: false, unique: false, ...extra };
}

function cls(
  key: string,
  parent: string | null,
  attributes: AttributeDef[] = [],
  extra: Partial<CiClass> = {},
) {
  return { key, label: key, parent, abstract: false, attributes, ...extra } satisfies CiClass;
}

const messages = (classes: CiClass[]) => validateClassModel(classes).map((p) => p.message);

describe('DEFAULT_CI_CLASSES', () => {
  it('is a valid class model', () => {
    expect(validateClassModel(DEFAULT_CI_CLASSES)).toEqual([]);
  });

  it('has the shipped hierarchy', () => {
    const parentOf = Object.fromEntries(DEFAULT_CI_CLASSES.map((c) => [c.key, c.parent]));
    expect(parentOf).toMatchObject({
      hardware: null,
      server: 'hardware',
      physical_server: 'server',
      virtual_server: 'server',
      network_device: 'hardware',
      workstation: 'hardware',
      storage: 'hardware',
      application: null,
      database: null,
      software: null,
      service: null,
      business_service: 'service',
      technical_service: 'service',
    });
  });

  it('resolves every class without problems', () => {
    for (const c of DEFAULT_CI_CLASSES)
      expect(resolveAttributes(DEFAULT_CI_CLASSES, c.key).problems).toEqual([]);
  });

  it('gives servers a unique identifying hostname, an ip address and an os enum', () => {
    const { attributes } = resolveAttributes(DEFAULT_CI_CLASSES, 'server');
    const byKey = new Map(attributes.map((a) => [a.key, a]));
    expect(byKey.get('hostname')).toMatchObject({ type: 'string', unique: true, required: true });
    expect(byKey.get('ip_address')?.type).toBe('ip');
    expect(byKey.get('os')?.type).toBe('enum');
    expect(byKey.get('cpu_count')?.type).toBe('integer');
    expect(byKey.get('memory_gb')?.type).toBe('number');
    expect(resolveIdentifiers(DEFAULT_CI_CLASSES, 'server')).toEqual(['hostname', 'serial_number']);
  });

  it('lets virtual servers inherit server and hardware attributes and add a hypervisor', () => {
    const keys = resolveAttributes(DEFAULT_CI_CLASSES, 'virtual_server').attributes.map((a) => a.key);
    expect(keys).toEqual(expect.arrayContaining(['serial_number', 'hostname', 'memory_gb', 'hypervisor']));
    expect(keys.indexOf('serial_number')).toBeLessThan(keys.indexOf('hostname'));
    expect(keys.indexOf('hostname')).toBeLessThan(keys.indexOf('hypervisor'));
  });

  it('marks the organising classes abstract', () => {
    const abstract = DEFAULT_CI_CLASSES.filter((c) => c.abstract).map((c) => c.key);
    expect(abstract.sort()).toEqual(['hardware', 'service']);
  });
});

describe('resolveAttributes', () => {
  const model = [
    cls('a', null, [attr('x'), attr('y', 'integer')]),
    cls('b', 'a', [attr('z', 'boolean')]),
    cls('c', 'b', [attr('w')]),
  ];

  it('lists inherited attributes first, root class first', () => {
    expect(resolveAttributes(model, 'c').attributes.map((a) => a.key)).toEqual(['x', 'y', 'z', 'w']);
    expect(resolveAttributes(model, 'a').attributes.map((a) => a.key)).toEqual(['x', 'y']);
  });

  it('reports a redefinition with a different type and keeps the ancestor definition', () => {
    const result = resolveAttributes([...model, cls('d', 'b', [attr('y', 'string')])], 'd');
    expect(result.attributes.find((a) => a.key === 'y')?.type).toBe('integer');
    expect(result.problems).toEqual([
      'Class "d" redefines attribute "y" as string, but "a" defines it as integer; the "a" definition applies.',
    ]);
  });

  it('lets a same-type redefinition refine the inherited one in place', () => {
    const result = resolveAttributes(
      [...model, cls('d', 'b', [attr('y', 'integer', { required: true })])],
      'd',
    );
    expect(result.problems).toEqual([]);
    expect(result.attributes.map((a) => a.key)).toEqual(['x', 'y', 'z']);
    expect(result.attributes[1]?.required).toBe(true);
  });

  it('reports an unknown class', () => {
    expect(resolveAttributes(model, 'nope')).toEqual({ attributes: [], problems: ['Unknown class "nope".'] });
  });

  it('reports an unknown parent but keeps what it could resolve', () => {
    const result = resolveAttributes([cls('a', 'ghost', [attr('x')])], 'a');
    expect(result.attributes.map((a) => a.key)).toEqual(['x']);
    expect(result.problems).toEqual(['Class "a" has unknown parent "ghost".']);
  });

  it('terminates on a cyclic hierarchy and reports it', () => {
    const result = resolveAttributes([cls('a', 'b', [attr('x')]), cls('b', 'a', [attr('y')])], 'a');
    expect(result.attributes.map((a) => a.key).sort()).toEqual(['x', 'y']);
    expect(result.problems).toEqual(['The class hierarchy loops at "a".']);
  });
});

describe('ancestry', () => {
  it('returns the chain root first', () => {
    expect(ancestry(DEFAULT_CI_CLASSES, 'physical_server').chain.map((c) => c.key)).toEqual([
      'hardware',
      'server',
      'physical_server',
    ]);
  });
});

describe('resolveIdentifiers', () => {
  it('inherits identifiers from the nearest ancestor declaring them', () => {
    expect(resolveIdentifiers(DEFAULT_CI_CLASSES, 'physical_server')).toEqual(['hostname', 'serial_number']);
    expect(resolveIdentifiers(DEFAULT_CI_CLASSES, 'storage')).toEqual(['serial_number', 'asset_tag']);
  });

  it('is empty when no class in the chain declares any, or the class is unknown', () => {
    expect(resolveIdentifiers(DEFAULT_CI_CLASSES, 'application')).toEqual([]);
    expect(resolveIdentifiers(DEFAULT_CI_CLASSES, 'nope')).toEqual([]);
  });

  it('treats an explicitly empty list as "no identifiers", overriding the ancestors', () => {
    expect(
      resolveIdentifiers(
        [cls('a', null, [attr('x')], { identifiers: ['x'] }), cls('b', 'a', [], { identifiers: [] })],
        'b',
      ),
    ).toEqual([]);
  });
});

describe('isSubclassOf', () => {
  it('is true for ancestors at any distance and for the class itself', () => {
    expect(isSubclassOf(DEFAULT_CI_CLASSES, 'physical_server', 'server')).toBe(true);
    expect(isSubclassOf(DEFAULT_CI_CLASSES, 'physical_server', 'hardware')).toBe(true);
    expect(isSubclassOf(DEFAULT_CI_CLASSES, 'server', 'server')).toBe(true);
  });

  it('is false for descendants, siblings and unrelated classes', () => {
    expect(isSubclassOf(DEFAULT_CI_CLASSES, 'server', 'physical_server')).toBe(false);
    expect(isSubclassOf(DEFAULT_CI_CLASSES, 'virtual_server', 'physical_server')).toBe(false);
    expect(isSubclassOf(DEFAULT_CI_CLASSES, 'database', 'hardware')).toBe(false);
  });

  it('is false for unknown classes, even compared with themselves', () => {
    expect(isSubclassOf(DEFAULT_CI_CLASSES, 'ghost', 'ghost')).toBe(false);
    expect(isSubclassOf(DEFAULT_CI_CLASSES, 'ghost', 'hardware')).toBe(false);
  });

  it('terminates on cycles', () => {
    const cyclic = [cls('a', 'b'), cls('b', 'a'), cls('c', null)];
    expect(isSubclassOf(cyclic, 'a', 'b')).toBe(true);
    expect(isSubclassOf(cyclic, 'a', 'c')).toBe(false);
  });
});

describe('validateClassModel', () => {
  it('accepts an empty model', () => {
    expect(validateClassModel([])).toEqual([]);
  });

  it('reports an unknown parent', () => {
    expect(validateClassModel([cls('a', 'ghost')])).toEqual([
      { classKey: 'a', message: 'Class "a" has unknown parent "ghost".' },
    ]);
  });

  it('reports a class that is its own parent', () => {
    expect(messages([cls('a', 'a')])).toEqual(['Class "a" cannot be its own parent.']);
  });

  it('reports each cycle once', () => {
    const model = [cls('b', 'c'), cls('c', 'a'), cls('a', 'b'), cls('d', 'a'), cls('x', 'y'), cls('y', 'x')];
    expect(messages(model)).toEqual([
      'The class hierarchy has a cycle: a → b → c → a.',
      'The class hierarchy has a cycle: x → y → x.',
    ]);
  });

  it('reports duplicate class keys', () => {
    expect(messages([cls('a', null), cls('a', null)])).toEqual([
      'Class key "a" is used by more than one class.',
    ]);
  });

  it('reports malformed class and attribute keys and missing labels', () => {
    expect(messages([{ ...cls('Bad Key', null, [{ ...attr('9x'), label: ' ' }]), label: '' }])).toEqual([
      'Class key "Bad Key" must start with a lowercase letter and use only a-z, 0-9 and _.',
      'Class "Bad Key" needs a label.',
      'Attribute key "9x" must start with a lowercase letter and use only a-z, 0-9 and _.',
      'Attribute "9x" needs a label.',
    ]);
  });

  it('reports an attribute defined twice in one class', () => {
    expect(validateClassModel([cls('a', null, [attr('x'), attr('x')])])).toEqual([
      { classKey: 'a', attribute: 'x', message: 'Attribute "x" is defined more than once in class "a".' },
    ]);
  });

  it('reports attribute keys redefined along the inheritance chain, noting a type change', () => {
    const model = [
      cls('a', null, [attr('x'), attr('n', 'integer')]),
      cls('b', 'a'),
      cls('c', 'b', [attr('x'), attr('n', 'number')]),
    ];
    expect(messages(model)).toEqual([
      'Attribute "x" redefines the one inherited from "a".',
      'Attribute "n" redefines the one inherited from "a" with a different type (number instead of integer).',
    ]);
  });

  it('allows the same key in sibling classes', () => {
    expect(
      validateClassModel([cls('a', null), cls('b', 'a', [attr('x')]), cls('c', 'a', [attr('x', 'integer')])]),
    ).toEqual([]);
  });

  it('reports an enum without allowed values, or with repeated ones', () => {
    expect(messages([cls('a', null, [attr('e', 'enum'), attr('f', 'enum', { allowedValues: [] })])])).toEqual(
      [
        'Attribute "e" is an enum but lists no allowed values.',
        'Attribute "f" is an enum but lists no allowed values.',
      ],
    );
    expect(messages([cls('a', null, [attr('e', 'enum', { allowedValues: ['x', 'x'] })])])).toEqual([
      'Attribute "e" lists an allowed value more than once.',
    ]);
  });

  it('reports allowed values on a non-enum attribute', () => {
    expect(messages([cls('a', null, [attr('s', 'string', { allowedValues: ['x'] })])])).toEqual([
      'Attribute "s" is string; allowed values only apply to enum attributes.',
    ]);
  });

  it('reports min greater than max', () => {
    expect(messages([cls('a', null, [attr('n', 'integer', { min: 5, max: 1 })])])).toEqual([
      'Attribute "n" has min 5 greater than max 1.',
    ]);
    expect(validateClassModel([cls('a', null, [attr('n', 'number', { min: 1, max: 1 })])])).toEqual([]);
  });

  it('reports non-finite bounds and bounds on non-numeric attributes', () => {
    expect(
      messages([cls('a', null, [attr('n', 'number', { max: Number.NaN }), attr('d', 'date', { min: 0 })])]),
    ).toEqual([
      'Attribute "n" has a max that is not a finite number.',
      'Attribute "d" is date; min and max only apply to integer and number attributes.',
    ]);
  });

  it('reports a bad maxLength or one on a type without length', () => {
    expect(
      messages([
        cls('a', null, [attr('s', 'string', { maxLength: 0 }), attr('b', 'boolean', { maxLength: 5 })]),
      ]),
    ).toEqual([
      'Attribute "s" must have a maxLength that is a whole number of at least 1.',
      'Attribute "b" is boolean; maxLength only applies to string, text and url attributes.',
    ]);
  });

  it('reports references without a class or to an unknown class, and referenceClass elsewhere', () => {
    const model = [
      cls('a', null, [
        attr('r1', 'reference'),
        attr('r2', 'reference', { referenceClass: 'ghost' }),
        attr('r3', 'reference', { referenceClass: 'a' }),
        attr('s', 'string', { referenceClass: 'a' }),
      ]),
    ];
    expect(messages(model)).toEqual([
      'Attribute "r1" is a reference but names no referenceClass.',
      'Attribute "r2" references unknown class "ghost".',
      'Attribute "s" is string; referenceClass only applies to reference attributes.',
    ]);
  });

  it('reports an unknown attribute type', () => {
    const bogus = JSON.parse(
      '{"key":"q","label":"q","type":"colour","required":false,"unique":false}',
    ) as AttributeDef;
    expect(messages([cls('a', null, [bogus])])).toEqual(['Attribute "q" has unknown type "colour".']);
  });

  it('reports identifiers naming unknown attributes, accepting inherited ones', () => {
    const model = [cls('a', null, [attr('x')]), cls('b', 'a', [attr('y')], { identifiers: ['x', 'y', 'z'] })];
    expect(validateClassModel(model)).toEqual([
      { classKey: 'b', message: 'Identifier "z" is not an attribute of class "b".' },
    ]);
  });

  it('does not accept identifiers from a subclass', () => {
    const model = [cls('a', null, [], { identifiers: ['y'] }), cls('b', 'a', [attr('y')])];
    expect(messages(model)).toEqual(['Identifier "y" is not an attribute of class "a".']);
  });
});

describe('subclassesOf and attributeOwner', () => {
  it('lists a class and all its descendants, the class first', () => {
    expect(subclassesOf(DEFAULT_CI_CLASSES, 'server')).toEqual([
      'server',
      'physical_server',
      'virtual_server',
    ]);
    expect(subclassesOf(DEFAULT_CI_CLASSES, 'service')).toEqual([
      'service',
      'business_service',
      'technical_service',
    ]);
    expect(subclassesOf(DEFAULT_CI_CLASSES, 'nope')).toEqual(['nope']);
  });

  it('names the class that declares an attribute', () => {
    expect(attributeOwner(DEFAULT_CI_CLASSES, 'virtual_server', 'hostname')).toBe('server');
    expect(attributeOwner(DEFAULT_CI_CLASSES, 'virtual_server', 'asset_tag')).toBe('hardware');
    expect(attributeOwner(DEFAULT_CI_CLASSES, 'virtual_server', 'instance_id')).toBe('virtual_server');
    expect(attributeOwner(DEFAULT_CI_CLASSES, 'application', 'hostname')).toBeNull();
  });
});
