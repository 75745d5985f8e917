/**
 * The CI class model Steward ships with. Tenants may extend it; `validateClassModel` must accept it
 * (a test holds us to that). Documented in docs/cmdb-model.md.
 */
import type { AttributeDef, AttributeType, CiClass } from './classes.ts';

type Extra = Partial<Omit<AttributeDef, 'key' | 'label' | 'type'>>;

function attr(key: string, label: string, type: AttributeType, extra: Extra = {}): AttributeDef {
  return { key, label, type, required: false, unique: false, ...extra };
}

const ENVIRONMENTS = ['production', 'staging', 'test', 'development'];

export const DEFAULT_CI_CLASSES: CiClass[] = [
  {
    key: 'hardware',
    label: 'Hardware',
    parent: null,
    abstract: true,
    attributes: [
      attr('manufacturer', 'Manufacturer', 'string', { maxLength: 100 }),
      attr('model', 'Model', 'string', { maxLength: 100 }),
      attr('serial_number', 'Serial number', 'string', { maxLength: 100 }),
      attr('asset_tag', 'Asset tag', 'string', { unique: true, maxLength: 50 }),
      attr('purchase_date', 'Purchase date', 'date'),
      attr('warranty_expires', 'Warranty expires', 'date'),
    ],
    identifiers: ['serial_number', 'asset_tag'],
  },
  {
    key: 'server',
    label: 'Server',
    parent: 'hardware',
    abstract: false,
    attributes: [
      attr('hostname', 'Hostname', 'string', { required: true, unique: true, maxLength: 253 }),
      attr('ip_address', 'IP address', 'ip'),
      attr('os', 'Operating system', 'enum', {
        allowedValues: ['linux', 'windows', 'macos', 'bsd', 'unix', 'other'],
      }),
      attr('os_version', 'OS version', 'string', { maxLength: 100 }),
      attr('cpu_count', 'CPU count', 'integer', { min: 1, max: 4096 }),
      attr('memory_gb', 'Memory (GB)', 'number', { min: 0, max: 1_048_576 }),
      attr('environment', 'Environment', 'enum', { allowedValues: ENVIRONMENTS }),
    ],
    identifiers: ['hostname', 'serial_number'],
  },
  {
    key: 'physical_server',
    label: 'Physical server',
    parent: 'server',
    abstract: false,
    attributes: [
      attr('rack', 'Rack', 'string', { maxLength: 50 }),
      attr('rack_unit', 'Rack unit', 'integer', { min: 1, max: 60 }),
    ],
  },
  {
    key: 'virtual_server',
    label: 'Virtual server',
    parent: 'server',
    abstract: false,
    attributes: [
      attr('hypervisor', 'Hypervisor', 'enum', {
        allowedValues: ['vmware', 'hyper_v', 'kvm', 'xen', 'proxmox', 'aws', 'azure', 'gcp', 'other'],
      }),
      attr('instance_id', 'Instance ID', 'string', { unique: true, maxLength: 200 }),
      attr('cluster', 'Cluster', 'string', { maxLength: 100 }),
    ],
    identifiers: ['instance_id', 'hostname'],
  },
  {
    key: 'network_device',
    label: 'Network device',
    parent: 'hardware',
    abstract: false,
    attributes: [
      attr('hostname', 'Hostname', 'string', { required: true, unique: true, maxLength: 253 }),
      attr('ip_address', 'Management IP address', 'ip'),
      attr('device_type', 'Device type', 'enum', {
        allowedValues: ['router', 'switch', 'firewall', 'load_balancer', 'access_point', 'other'],
      }),
      attr('firmware', 'Firmware version', 'string', { maxLength: 100 }),
      attr('port_count', 'Port count', 'integer', { min: 0, max: 10_000 }),
    ],
    identifiers: ['hostname', 'serial_number'],
  },
  {
    key: 'workstation',
    label: 'Workstation',
    parent: 'hardware',
    abstract: false,
    attributes: [
      attr('hostname', 'Hostname', 'string', { maxLength: 253 }),
      attr('form_factor', 'Form factor', 'enum', { allowedValues: ['desktop', 'laptop', 'thin_client'] }),
      attr('assigned_to', 'Assigned to', 'string', { maxLength: 200 }),
      attr('os', 'Operating system', 'enum', {
        allowedValues: ['windows', 'macos', 'linux', 'chromeos', 'other'],
      }),
    ],
    identifiers: ['asset_tag', 'serial_number'],
  },
  {
    key: 'storage',
    label: 'Storage',
    parent: 'hardware',
    abstract: false,
    attributes: [
      attr('storage_type', 'Storage type', 'enum', {
        allowedValues: ['san', 'nas', 'das', 'object', 'other'],
      }),
      attr('capacity_tb', 'Capacity (TB)', 'number', { min: 0 }),
      attr('ip_address', 'Management IP address', 'ip'),
    ],
  },
  {
    key: 'application',
    label: 'Application',
    parent: null,
    abstract: false,
    attributes: [
      attr('version', 'Version', 'string', { maxLength: 100 }),
      attr('url', 'URL', 'url', { maxLength: 2000 }),
      attr('vendor', 'Vendor', 'string', { maxLength: 100 }),
      attr('environment', 'Environment', 'enum', { allowedValues: ENVIRONMENTS }),
    ],
  },
  {
    key: 'database',
    label: 'Database',
    parent: null,
    abstract: false,
    attributes: [
      attr('engine', 'Engine', 'enum', {
        required: true,
        allowedValues: ['postgresql', 'mysql', 'mariadb', 'oracle', 'sqlserver', 'mongodb', 'redis', 'other'],
      }),
      attr('version', 'Version', 'string', { maxLength: 100 }),
      attr('port', 'Port', 'integer', { min: 1, max: 65_535 }),
      attr('environment', 'Environment', 'enum', { allowedValues: ENVIRONMENTS }),
    ],
  },
  {
    key: 'software',
    label: 'Software',
    parent: null,
    abstract: false,
    attributes: [
      attr('vendor', 'Vendor', 'string', { maxLength: 100 }),
      attr('version', 'Version', 'string', { maxLength: 100 }),
      attr('license_type', 'License type', 'enum', {
        allowedValues: ['commercial', 'subscription', 'open_source', 'freeware'],
      }),
      attr('license_count', 'Licenses', 'integer', { min: 0 }),
    ],
  },
  {
    key: 'service',
    label: 'Service',
    parent: null,
    abstract: true,
    attributes: [
      attr('criticality', 'Criticality', 'enum', {
        required: true,
        allowedValues: ['critical', 'high', 'medium', 'low'],
      }),
      attr('service_owner', 'Service owner', 'string', { maxLength: 200 }),
      attr('support_hours', 'Support hours', 'string', { maxLength: 100 }),
    ],
  },
  {
    key: 'business_service',
    label: 'Business service',
    parent: 'service',
    abstract: false,
    attributes: [attr('business_unit', 'Business unit', 'string', { maxLength: 200 })],
  },
  {
    key: 'technical_service',
    label: 'Technical service',
    parent: 'service',
    abstract: false,
    attributes: [attr('support_group', 'Support group', 'string', { maxLength: 200 })],
  },
];
