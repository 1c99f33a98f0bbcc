// The simulated users of the demo and the workspace each one starts with. Dates are relative to
// "now", so journey conditions such as "signed up within 7 days" behave the same on any day.

const DAY = 86_400_000;

/** Presets offered by the header's Demo controls. `traits` are what Waymark receives. */
export const DEMO_USERS = [
  {
    id: 'u-dana-1029',
    name: 'Dana Petrauskaitė',
    email: 'dana@northwind.example',
    company: 'Northwind Analytics',
    summary: 'New trial owner, signed up today',
    traits: { plan: 'trial', role: 'owner', signedUpDaysAgo: 0 },
    seed: 'empty',
  },
  {
    id: 'u-marius-2231',
    name: 'Marius Kazlauskas',
    email: 'marius@brightpath.example',
    company: 'Brightpath Logistics',
    summary: 'Pro admin, 3 weeks in, no team yet',
    traits: { plan: 'pro', role: 'admin', signedUpDaysAgo: 21 },
    seed: 'building',
  },
  {
    id: 'u-olga-0417',
    name: 'Olga Smirnova',
    email: 'olga@helix-retail.example',
    company: 'Helix Retail Group',
    summary: 'Enterprise developer, invited a year ago',
    traits: { plan: 'enterprise', role: 'developer', signedUpDaysAgo: 412, invitedBy: 'u-jonas-0001' },
    seed: 'established',
  },
];

export function findDemoUser(id) {
  return DEMO_USERS.find((user) => user.id === id) ?? DEMO_USERS[0];
}

/** The traits sent to Waymark: a real app would send the same from its session. */
export function waymarkTraits(user, now) {
  const { signedUpDaysAgo, ...rest } = user.traits;
  return {
    name: user.name,
    email: user.email,
    company: user.company,
    signedUpAt: new Date(now - signedUpDaysAgo * DAY).toISOString(),
    ...rest,
  };
}

export const REGIONS = [
  { id: 'eu-north-1', label: 'EU North (Vilnius)' },
  { id: 'eu-central-1', label: 'EU Central (Frankfurt)' },
  { id: 'us-east-1', label: 'US East (Virginia)' },
  { id: 'ap-southeast-1', label: 'Asia Pacific (Singapore)' },
];

export const PLANS = [
  { id: 'trial', name: 'Trial', price: 0, blurb: '14 days of Pro, no card needed', features: ['3 projects', '100k requests / month', 'Community support'] },
  { id: 'starter', name: 'Starter', price: 29, blurb: 'For side projects and small teams', features: ['5 projects', '1M requests / month', 'Email support'] },
  { id: 'pro', name: 'Pro', price: 149, blurb: 'For production workloads', features: ['Unlimited projects', '20M requests / month', 'Live chat support', 'Audit log (30 days)'] },
  { id: 'enterprise', name: 'Enterprise', price: null, blurb: 'SSO, SLAs and a named engineer', features: ['Custom limits', 'SAML SSO and SCIM', '99.99% uptime SLA', 'Audit log (1 year)'] },
];

export const INTEGRATIONS = [
  { id: 'slack', name: 'Slack', category: 'Notifications', description: 'Post deploys, incidents and usage alerts to a channel.' },
  { id: 'github', name: 'GitHub', category: 'Source control', description: 'Deploy on push and show build status on pull requests.' },
  { id: 'webhooks', name: 'Webhooks', category: 'Developer', description: 'Receive signed JSON events at your own endpoint.' },
  { id: 'pagerduty', name: 'PagerDuty', category: 'Incidents', description: 'Page the on-call engineer when an error budget burns.' },
  { id: 'datadog', name: 'Datadog', category: 'Observability', description: 'Stream metrics and logs to your Datadog account.' },
  { id: 'jira', name: 'Jira', category: 'Issue tracking', description: 'Open an issue from any failed deployment.' },
];

export const ROLES = [
  { id: 'owner', label: 'Owner' },
  { id: 'admin', label: 'Admin' },
  { id: 'developer', label: 'Developer' },
  { id: 'billing', label: 'Billing manager' },
  { id: 'viewer', label: 'Viewer' },
];

export const API_KEY_SCOPES = [
  { id: 'read', label: 'Read only', description: 'List projects, read metrics and logs.' },
  { id: 'deploy', label: 'Deploy', description: 'Read access plus creating deployments.' },
  { id: 'admin', label: 'Full access', description: 'Everything, including deleting projects and keys.' },
];

/** The workspace a preset user starts with (also what "Reset demo state" restores). */
export function seedWorkspace(user, now) {
  const owner = { id: user.id, name: user.name, email: user.email, role: user.traits.role, status: 'active', lastActiveAt: now };
  const base = { plan: user.traits.plan, projects: [], apiKeys: [], integrations: {}, members: [owner], invoices: [] };
  if (user.seed === 'empty') return base;

  const projects = [
    project('prj-checkout', 'checkout-api', 'eu-north-1', 'production', now - 19 * DAY, 'Payments and order capture'),
    project('prj-tracking', 'parcel-tracking', 'eu-central-1', 'production', now - 17 * DAY, 'Public tracking pages'),
    project('prj-staging', 'routing-staging', 'eu-north-1', 'staging', now - 9 * DAY, ''),
  ];
  if (user.seed === 'building') {
    return {
      ...base,
      projects,
      apiKeys: [apiKey('key-ci', 'CI deploys', 'deploy', 'prj-checkout', now - 15 * DAY, now - DAY)],
      invoices: invoices(now, 1, 149),
    };
  }
  const colleagues = [
    ['u-jonas-0001', 'Jonas Vaitkus', 'owner'], ['u-aiste-0102', 'Aistė Jankauskienė', 'admin'],
    ['u-pavel-0203', 'Pavel Orlov', 'developer'], ['u-rasa-0304', 'Rasa Mockutė', 'developer'],
    ['u-ieva-0405', 'Ieva Žukauskaitė', 'billing'], ['u-tom-0506', 'Tom Becker', 'viewer'],
  ].map(([id, name, role], index) => ({
    id, name, role, status: 'active', email: `${name.split(' ')[0].toLowerCase().normalize('NFD').replace(/[\u0300-\u036f]/g, '')}@helix-retail.example`,
    lastActiveAt: now - (index + 1) * 3 * 3_600_000,
  }));
  return {
    ...base,
    projects: [
      ...projects,
      project('prj-loyalty', 'loyalty-points', 'eu-central-1', 'production', now - 300 * DAY, 'Points ledger and rewards'),
      project('prj-search', 'catalog-search', 'us-east-1', 'production', now - 280 * DAY, 'Product search for 4 storefronts'),
      project('prj-sg', 'apac-storefront', 'ap-southeast-1', 'production', now - 120 * DAY, ''),
    ],
    apiKeys: [
      apiKey('key-ci', 'GitHub Actions', 'deploy', 'prj-checkout', now - 380 * DAY, now - 2 * 3_600_000),
      apiKey('key-grafana', 'Grafana read-only', 'read', null, now - 200 * DAY, now - DAY),
    ],
    integrations: { slack: { connectedAt: now - 390 * DAY }, github: { connectedAt: now - 385 * DAY }, datadog: { connectedAt: now - 100 * DAY } },
    members: [owner, ...colleagues],
    invoices: invoices(now, 14, 2400),
  };
}

function project(id, name, region, environment, createdAt, description) {
  return { id, name, region, environment, createdAt, description };
}

function apiKey(id, name, scope, projectId, createdAt, lastUsedAt) {
  const tail = id.replace(/[^a-z]/g, '').slice(-4).padEnd(4, 'x');
  return { id, name, scope, projectId, createdAt, lastUsedAt, prefix: `acme_live_…${tail}` };
}

/** Monthly invoices, newest first, with usage-based amounts that vary like real ones. */
function invoices(now, months, baseAmount) {
  const current = new Date(now);
  return Array.from({ length: months }, (_, index) => {
    const issued = new Date(Date.UTC(current.getUTCFullYear(), current.getUTCMonth() - index, 1));
    const usage = Math.round(baseAmount * (0.08 + ((index * 37) % 23) / 100) * 100) / 100;
    return {
      id: `INV-${issued.getUTCFullYear()}${String(issued.getUTCMonth() + 1).padStart(2, '0')}-${String(4812 + index * 7)}`,
      issuedAt: issued.getTime(),
      period: issued.getTime(),
      base: baseAmount,
      usage,
      tax: Math.round((baseAmount + usage) * 0.21 * 100) / 100,
      status: index === 0 ? 'open' : 'paid',
    };
  });
}
