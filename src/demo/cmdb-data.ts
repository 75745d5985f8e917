/**
 * The demo estate: business services down through applications, databases and VMs to hosts,
 * storage and the network, plus the assets, contracts and licences around them. Keys name CIs
 * within this file; `group` is a DEMO_GROUPS key.
 */

type Attrs = Record<string, string | number | boolean>;
export type DemoCi = {
  key: string;
  classKey: string;
  name: string;
  group: string;
  location?: string;
  attributes: Attrs;
  description?: string;
};

const vm = (key: string, group: string, os = 'linux', cpu = 4, mem = 16): DemoCi => ({
  key,
  classKey: 'virtual_server',
  name: key,
  group,
  attributes: {
    hostname: `${key}.corp.example`,
    os,
    cpu_count: cpu,
    memory_gb: mem,
    hypervisor: 'vmware',
    cluster: 'DC1-PROD',
    environment: 'production',
  },
});

const host = (key: string, serial: string, rack: string, unit: number): DemoCi => ({
  key,
  classKey: 'physical_server',
  name: key,
  group: 'servers',
  location: 'DC1, Frankfurt',
  attributes: {
    hostname: `${key}.corp.example`,
    manufacturer: 'Dell',
    model: 'PowerEdge R760',
    serial_number: serial,
    asset_tag: `AT-${serial.slice(-4)}`,
    os: 'other',
    os_version: 'ESXi 8.0 U3',
    cpu_count: 64,
    memory_gb: 1024,
    rack,
    rack_unit: unit,
    environment: 'production',
  },
});

const net = (key: string, type: string, model: string, serial: string): DemoCi => ({
  key,
  classKey: 'network_device',
  name: key,
  group: 'network',
  location: 'DC1, Frankfurt',
  attributes: {
    hostname: `${key}.net.example`,
    device_type: type,
    manufacturer: 'Cisco',
    model,
    serial_number: serial,
    asset_tag: `AT-${serial.slice(-4)}`,
  },
});

/** A business service, run by the applications team. */
const businessService = (key: string, name: string, criticality: string, unit: string, hours: string) =>
  ci(key, 'business_service', name, 'apps', {
    criticality,
    business_unit: unit,
    support_hours: hours,
  });

const technicalService = (key: string, name: string, group: string, criticality: string, team: string) =>
  ci(key, 'technical_service', name, group, { criticality, support_group: team });

const application = (
  key: string,
  name: string,
  group: string,
  vendor: string,
  version: string,
  url?: string,
) => ci(key, 'application', name, group, { vendor, version, ...(url && { url }), environment: 'production' });

const database = (key: string, name: string, engine: string, version: string, port: number) =>
  ci(key, 'database', name, 'dba', { engine, version, port, environment: 'production' });

function ci(key: string, classKey: string, name: string, group: string, attributes: Attrs): DemoCi {
  return { key, classKey, name, group, attributes };
}

export const DEMO_CIS: DemoCi[] = [
  businessService('svc-email', 'Email & Collaboration', 'critical', 'All staff', '24x7'),
  businessService('svc-payroll', 'Payroll', 'high', 'Finance & HR', 'Mon-Fri 08:00-18:00'),
  businessService('svc-portal', 'Customer Portal', 'critical', 'Sales & Service', '24x7'),
  businessService('svc-crm', 'CRM', 'high', 'Sales', 'Mon-Fri 07:00-20:00'),
  technicalService('ts-identity', 'Identity Platform', 'iam', 'critical', 'Identity & Access'),
  technicalService('ts-database', 'Database Platform', 'dba', 'high', 'Database Administration'),
  technicalService('ts-hosting', 'Hosting Platform', 'servers', 'critical', 'Server & Storage'),
  technicalService('ts-network', 'Data Centre Network', 'network', 'critical', 'Network Operations'),
  application('app-exchange', 'Microsoft Exchange', 'apps', 'Microsoft', '2019 CU14'),
  application('app-sap', 'SAP S/4HANA', 'apps', 'SAP', '2023 FPS02'),
  application(
    'app-portal-web',
    'Customer portal web',
    'apps',
    'In-house',
    '4.12.0',
    'https://portal.example.com',
  ),
  application(
    'app-portal-api',
    'Customer portal API',
    'apps',
    'In-house',
    '4.12.0',
    'https://api.example.com',
  ),
  application('app-crm', 'Dynamics CRM', 'apps', 'Microsoft', '9.2'),
  application('app-keycloak', 'Keycloak', 'iam', 'Red Hat', '26.0', 'https://sso.example.com'),
  application('app-ldap', 'OpenLDAP directory', 'iam', 'OpenLDAP', '2.6'),
  database('db-payroll', 'payroll-db', 'oracle', '19c', 1521),
  database('db-portal', 'portal-db', 'postgresql', '16.4', 5432),
  database('db-crm', 'crm-db', 'sqlserver', '2022', 1433),
  database('db-cache', 'portal-cache', 'redis', '7.4', 6379),
  vm('mail-01', 'apps', 'windows', 8, 64),
  vm('mail-02', 'apps', 'windows', 8, 64),
  vm('sap-app-01', 'apps', 'linux', 32, 512),
  vm('idp-01', 'iam'),
  vm('ldap-01', 'iam', 'linux', 2, 8),
  vm('web-01', 'apps'),
  vm('web-02', 'apps'),
  vm('api-01', 'apps', 'linux', 8, 32),
  vm('api-02', 'apps', 'linux', 8, 32),
  vm('pg-01', 'dba', 'linux', 16, 128),
  vm('sql-01', 'dba', 'windows', 16, 128),
  vm('crm-01', 'apps', 'windows', 8, 32),
  host('esx-01', 'DL7H4Q1001', 'R12', 10),
  host('esx-02', 'DL7H4Q1002', 'R12', 12),
  host('esx-03', 'DL7H4Q1003', 'R13', 10),
  {
    ...host('db-phys-01', 'DL7H4Q2001', 'R13', 20),
    attributes: {
      ...host('db-phys-01', 'DL7H4Q2001', 'R13', 20).attributes,
      os: 'linux',
      os_version: 'Oracle Linux 8',
      cpu_count: 16,
      memory_gb: 768,
    },
  },
  net('core-sw-01', 'switch', 'Nexus 9336C', 'FDO2419C001'),
  net('core-sw-02', 'switch', 'Nexus 9336C', 'FDO2419C002'),
  net('dist-sw-01', 'switch', 'Catalyst 9500', 'FDO2419D001'),
  net('dist-sw-02', 'switch', 'Catalyst 9500', 'FDO2419D002'),
  net('fw-01', 'firewall', 'Firepower 2130', 'JAD2419F001'),
  net('lb-01', 'load_balancer', 'Catalyst 8500', 'FDO2419L001'),
  {
    key: 'san-01',
    classKey: 'storage',
    name: 'san-01',
    group: 'servers',
    location: 'DC1, Frankfurt',
    attributes: {
      storage_type: 'san',
      capacity_tb: 240,
      manufacturer: 'NetApp',
      model: 'AFF A400',
      serial_number: 'NA721000101',
      asset_tag: 'AT-0101',
    },
  },
  {
    key: 'nas-01',
    classKey: 'storage',
    name: 'nas-01',
    group: 'servers',
    location: 'DC1, Frankfurt',
    attributes: {
      storage_type: 'nas',
      capacity_tb: 96,
      manufacturer: 'NetApp',
      model: 'FAS2820',
      serial_number: 'NA721000102',
      asset_tag: 'AT-0102',
    },
    description: 'File shares (S:) and backup target',
  },
];

/** [from, type, to]: "from <type> to". */
export const DEMO_RELATIONSHIPS: [string, string, string][] = [
  ['svc-email', 'depends_on', 'app-exchange'],
  ['svc-email', 'depends_on', 'ts-identity'],
  ['svc-payroll', 'depends_on', 'app-sap'],
  ['svc-payroll', 'depends_on', 'ts-database'],
  ['svc-portal', 'depends_on', 'app-portal-web'],
  ['svc-portal', 'depends_on', 'ts-hosting'],
  ['svc-crm', 'depends_on', 'app-crm'],
  ['ts-identity', 'depends_on', 'app-keycloak'],
  ['ts-identity', 'depends_on', 'app-ldap'],
  ['ts-database', 'depends_on', 'db-payroll'],
  ['ts-database', 'depends_on', 'db-portal'],
  ['ts-database', 'depends_on', 'db-crm'],
  ['ts-hosting', 'depends_on', 'esx-01'],
  ['ts-hosting', 'depends_on', 'esx-02'],
  ['ts-hosting', 'depends_on', 'esx-03'],
  ['ts-network', 'depends_on', 'core-sw-01'],
  ['ts-network', 'depends_on', 'core-sw-02'],
  ['ts-network', 'depends_on', 'fw-01'],
  ['app-exchange', 'runs_on', 'mail-01'],
  ['app-exchange', 'runs_on', 'mail-02'],
  ['app-exchange', 'depends_on', 'ts-identity'],
  ['app-sap', 'runs_on', 'sap-app-01'],
  ['app-sap', 'depends_on', 'db-payroll'],
  ['app-sap', 'depends_on', 'nas-01'],
  ['app-portal-web', 'runs_on', 'web-01'],
  ['app-portal-web', 'runs_on', 'web-02'],
  ['app-portal-web', 'depends_on', 'lb-01'],
  ['app-portal-web', 'depends_on', 'app-portal-api'],
  ['app-portal-api', 'runs_on', 'api-01'],
  ['app-portal-api', 'runs_on', 'api-02'],
  ['app-portal-api', 'depends_on', 'db-portal'],
  ['app-portal-api', 'depends_on', 'db-cache'],
  ['app-portal-api', 'depends_on', 'ts-identity'],
  // The portal and the CRM call each other: a cycle impact analysis must survive.
  ['app-portal-api', 'depends_on', 'app-crm'],
  ['app-crm', 'depends_on', 'app-portal-api'],
  ['app-crm', 'runs_on', 'crm-01'],
  ['app-crm', 'depends_on', 'db-crm'],
  ['app-crm', 'depends_on', 'ts-identity'],
  ['app-keycloak', 'runs_on', 'idp-01'],
  ['app-ldap', 'runs_on', 'ldap-01'],
  ['db-payroll', 'runs_on', 'db-phys-01'],
  ['db-portal', 'runs_on', 'pg-01'],
  ['db-crm', 'runs_on', 'sql-01'],
  ['db-cache', 'runs_on', 'api-02'],
  ['mail-01', 'runs_on', 'esx-01'],
  ['mail-02', 'runs_on', 'esx-02'],
  ['sap-app-01', 'runs_on', 'esx-01'],
  ['idp-01', 'runs_on', 'esx-02'],
  ['ldap-01', 'runs_on', 'esx-03'],
  ['web-01', 'runs_on', 'esx-01'],
  ['web-02', 'runs_on', 'esx-02'],
  ['api-01', 'runs_on', 'esx-03'],
  ['api-02', 'runs_on', 'esx-01'],
  ['pg-01', 'runs_on', 'esx-02'],
  ['sql-01', 'runs_on', 'esx-03'],
  ['crm-01', 'runs_on', 'esx-03'],
  ['esx-01', 'connects_to', 'dist-sw-01'],
  ['esx-02', 'connects_to', 'dist-sw-01'],
  ['esx-02', 'connects_to', 'dist-sw-02'],
  ['esx-03', 'connects_to', 'dist-sw-02'],
  ['db-phys-01', 'connects_to', 'dist-sw-02'],
  ['nas-01', 'connects_to', 'dist-sw-02'],
  ['san-01', 'connects_to', 'core-sw-01'],
  ['dist-sw-01', 'connects_to', 'core-sw-01'],
  ['dist-sw-02', 'connects_to', 'core-sw-02'],
  ['core-sw-01', 'connects_to', 'fw-01'],
  ['core-sw-02', 'connects_to', 'fw-01'],
  ['lb-01', 'connects_to', 'core-sw-01'],
  ['esx-01', 'depends_on', 'san-01'],
  ['esx-02', 'depends_on', 'san-01'],
  ['esx-03', 'depends_on', 'san-01'],
  ['db-phys-01', 'depends_on', 'san-01'],
];

export const DEMO_SUPPLIERS = [
  'Dell Technologies',
  'Cisco Systems',
  'NetApp',
  'Lenovo Financial Services',
  'Microsoft',
  'Oracle',
  'Broadcom (VMware)',
  'Red Hat',
];

/** Hardware assets for CIs: [ci key, cost EUR, purchased months ago, life months, method, supplier]. */
export const DEMO_CI_ASSETS: [
  string,
  number,
  number,
  number,
  'straight_line' | 'declining_balance',
  string,
][] = [
  ['esx-01', 38_500, 26, 60, 'straight_line', 'Dell Technologies'],
  ['esx-02', 38_500, 26, 60, 'straight_line', 'Dell Technologies'],
  ['esx-03', 41_200, 14, 60, 'straight_line', 'Dell Technologies'],
  ['db-phys-01', 52_900, 31, 60, 'straight_line', 'Dell Technologies'],
  ['core-sw-01', 24_800, 40, 84, 'declining_balance', 'Cisco Systems'],
  ['core-sw-02', 24_800, 40, 84, 'declining_balance', 'Cisco Systems'],
  ['dist-sw-01', 11_300, 40, 84, 'declining_balance', 'Cisco Systems'],
  ['dist-sw-02', 11_300, 40, 84, 'declining_balance', 'Cisco Systems'],
  ['fw-01', 18_600, 22, 60, 'straight_line', 'Cisco Systems'],
  ['lb-01', 15_400, 22, 60, 'straight_line', 'Cisco Systems'],
  ['san-01', 96_000, 33, 72, 'straight_line', 'NetApp'],
  ['nas-01', 27_500, 33, 72, 'straight_line', 'NetApp'],
];

/** Laptops for people: [asset tag, person key, model]. */
export const DEMO_LAPTOPS: [string, string, string][] = [
  ['LAP-2401', 'maria', 'ThinkPad X1 Carbon Gen 12'],
  ['LAP-2402', 'sam', 'ThinkPad T14 Gen 5'],
  ['LAP-2403', 'lena', 'ThinkPad T14 Gen 5'],
  ['LAP-2404', 'ravi', 'ThinkPad P16s Gen 3'],
  ['LAP-2405', 'olga', 'ThinkPad P16s Gen 3'],
  ['LAP-2406', 'helen', 'ThinkPad X1 Carbon Gen 12'],
  ['LAP-2407', 'alex', 'ThinkPad T14 Gen 5'],
  ['LAP-2408', 'nina', 'ThinkPad T14 Gen 5'],
];

/** Which CI a demo incident's subcategory concerns, to link open incidents to the estate. */
export const DEMO_INCIDENT_CIS: Record<string, string> = {
  VPN: 'fw-01',
  Client: 'app-exchange',
  ERP: 'app-sap',
  'File server': 'nas-01',
  Account: 'app-keycloak',
  MFA: 'app-keycloak',
  'Wi-Fi': 'dist-sw-01',
  CRM: 'app-crm',
  Database: 'db-portal',
  Website: 'app-portal-web',
  Backup: 'nas-01',
  LAN: 'dist-sw-02',
  Server: 'api-01',
};
