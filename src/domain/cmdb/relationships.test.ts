import { describe, expect, it } from 'vitest';
import { type CiClass, DEFAULT_CI_CLASSES } from './classes.ts';
import { walkImpact } from './impact.ts';
import {
  checkRelationshipAllowed,
  DEFAULT_RELATIONSHIP_TYPES,
  describeEdge,
  type RelationshipEdge,
  type RelationshipType,
  relationshipNeighbours,
  validateRelationshipTypes,
} from './relationships.ts';

const types = DEFAULT_RELATIONSHIP_TYPES;
const classes = DEFAULT_CI_CLASSES;
const check = (type: string, from: string, to: string) =>
  checkRelationshipAllowed(types, classes, type, from, to);

describe('DEFAULT_RELATIONSHIP_TYPES', () => {
  it('is valid against the default class model', () => {
    expect(validateRelationshipTypes(types, classes)).toEqual([]);
  });

  it('names each direction', () => {
    const labels = types.map((t) => [t.key, t.forwardLabel, t.reverseLabel]);
    expect(labels).toEqual([
      ['depends_on', 'depends on', 'used by'],
      ['runs_on', 'runs on', 'hosts'],
      ['connects_to', 'connects to', 'connected from'],
      ['contains', 'contains', 'part of'],
    ]);
  });

  it('propagates impact against the arrow for dependencies and with it for containment', () => {
    const direction = Object.fromEntries(types.map((t) => [t.key, t.propagatesImpact]));
    expect(direction).toEqual({
      depends_on: 'reverse',
      runs_on: 'reverse',
      connects_to: 'reverse',
      contains: 'forward',
    });
  });
});

describe('checkRelationshipAllowed', () => {
  it('allows any classes when the type lists no pairs', () => {
    expect(check('depends_on', 'business_service', 'database')).toBeNull();
    expect(check('depends_on', 'workstation', 'software')).toBeNull();
  });

  it('matches subclasses on both ends', () => {
    expect(check('runs_on', 'application', 'virtual_server')).toBeNull();
    expect(check('runs_on', 'database', 'physical_server')).toBeNull();
    expect(check('runs_on', 'virtual_server', 'physical_server')).toBeNull();
    expect(check('connects_to', 'physical_server', 'network_device')).toBeNull();
    expect(check('contains', 'storage', 'storage')).toBeNull();
  });

  it('explains a disallowed pair with the allowed ones', () => {
    expect(check('runs_on', 'application', 'database')).toBe(
      'A "runs on" relationship cannot go from Application to Database; it is allowed from Application to ' +
        'Hardware, Database to Hardware, Software to Hardware, Virtual server to Physical server.',
    );
  });

  it('does not match a pair in the wrong direction', () => {
    expect(check('runs_on', 'server', 'application')).not.toBeNull();
    expect(check('runs_on', 'physical_server', 'virtual_server')).not.toBeNull();
    expect(check('connects_to', 'network_device', 'application')).not.toBeNull();
  });

  it('reports unknown types and classes', () => {
    expect(check('hugs', 'server', 'server')).toBe('Unknown relationship type "hugs".');
    expect(check('depends_on', 'ghost', 'server')).toBe('Unknown class "ghost".');
    expect(check('depends_on', 'server', 'ghost')).toBe('Unknown class "ghost".');
  });
});

describe('validateRelationshipTypes', () => {
  const base: RelationshipType = {
    key: 'backs_up',
    forwardLabel: 'backs up',
    reverseLabel: 'backed up by',
    allowed: [],
    propagatesImpact: 'none',
  };

  it('reports duplicate keys, bad keys, missing labels, unknown classes and directions', () => {
    const bogus = { ...base, key: 'Bad', forwardLabel: ' ', allowed: [{ from: 'server', to: 'ghost' }] };
    const direction = JSON.parse('{"propagatesImpact":"sideways"}') as Pick<
      RelationshipType,
      'propagatesImpact'
    >;
    expect(
      validateRelationshipTypes([base, base, bogus, { ...base, key: 'x', ...direction }], classes),
    ).toEqual([
      'Relationship type "backs_up" is defined more than once.',
      'Relationship type key "Bad" must start with a lowercase letter and use only a-z, 0-9 and _.',
      'Relationship type "Bad" needs a label for each direction.',
      'Relationship type "Bad" allows unknown class "ghost".',
      'Relationship type "x" has unknown impact direction "sideways".',
    ]);
  });
});

describe('describeEdge', () => {
  const edge = { type: 'depends_on', from: 'crm', to: 'crm_db' };

  it('reads forward from the "from" end and backward from the "to" end', () => {
    expect(describeEdge(types, edge, 'from')).toEqual({ label: 'depends on', other: 'crm_db' });
    expect(describeEdge(types, edge, 'to')).toEqual({ label: 'used by', other: 'crm' });
  });

  it('falls back to the type key for unknown types', () => {
    expect(describeEdge(types, { ...edge, type: 'mystery' }, 'to').label).toBe('mystery');
  });
});

describe('relationshipNeighbours', () => {
  // A business service on an app, the app on a VM, the VM on a host in a chassis, the host wired to a switch.
  const edges: RelationshipEdge[] = [
    { type: 'depends_on', from: 'payroll', to: 'payroll_app' },
    { type: 'runs_on', from: 'payroll_app', to: 'vm1' },
    { type: 'depends_on', from: 'payroll_app', to: 'payroll_db' },
    { type: 'runs_on', from: 'vm1', to: 'host1' },
    { type: 'contains', from: 'chassis', to: 'host1' },
    { type: 'connects_to', from: 'host1', to: 'switch1' },
  ];

  it('impact: follows dependencies backwards and containment forwards', () => {
    const impacted = walkImpact('switch1', relationshipNeighbours(types, edges, 'impact'));
    expect([...impacted.nodes.values()].map((n) => [n.id, n.depth, n.via])).toEqual([
      ['switch1', 0, null],
      ['host1', 1, 'connects_to'],
      ['vm1', 2, 'runs_on'],
      ['payroll_app', 3, 'runs_on'],
      ['payroll', 4, 'depends_on'],
    ]);
  });

  it('impact: a chassis outage reaches what it contains, a contained host does not take the chassis down', () => {
    const fn = relationshipNeighbours(types, edges, 'impact');
    expect([...walkImpact('chassis', fn).nodes.keys()]).toEqual([
      'chassis',
      'host1',
      'vm1',
      'payroll_app',
      'payroll',
    ]);
    expect(walkImpact('host1', fn).nodes.has('chassis')).toBe(false);
  });

  it('impact: a database outage reaches the app and the service but not the app’s server', () => {
    const reached = walkImpact('payroll_db', relationshipNeighbours(types, edges, 'impact')).nodes;
    expect([...reached.keys()]).toEqual(['payroll_db', 'payroll_app', 'payroll']);
  });

  it('dependencies: lists everything whose outage would impact the start', () => {
    const deps = walkImpact('payroll', relationshipNeighbours(types, edges, 'dependencies'));
    expect([...deps.nodes.keys()]).toEqual([
      'payroll',
      'payroll_app',
      'vm1',
      'payroll_db',
      'host1',
      'chassis',
      'switch1',
    ]);
  });

  it('does not cross relationships whose type propagates no impact, or of unknown type', () => {
    const informational: RelationshipType = { ...types[0]!, key: 'documents', propagatesImpact: 'none' };
    const fn = relationshipNeighbours(
      [...types, informational],
      [
        { type: 'documents', from: 'wiki', to: 'db' },
        { type: 'mystery', from: 'x', to: 'db' },
      ],
      'impact',
    );
    expect(fn(['db'])).toEqual(new Map([['db', []]]));
    expect(walkImpact('db', fn).nodes.size).toBe(1);
  });

  it('answers every asked id, with an empty list for isolated CIs', () => {
    const fn = relationshipNeighbours(types, edges, 'impact');
    expect(fn(['nobody', 'payroll_db'])).toEqual(
      new Map([
        ['nobody', []],
        ['payroll_db', [{ id: 'payroll_app', via: 'depends_on' }]],
      ]),
    );
  });

  it('works with custom class models', () => {
    const custom: CiClass[] = [
      { key: 'thing', label: 'Thing', parent: null, abstract: false, attributes: [] },
    ];
    expect(checkRelationshipAllowed(types, custom, 'depends_on', 'thing', 'thing')).toBeNull();
  });
});
