import { h } from '../dom.js';
import { formatDate, formatMoney, formatMonth } from '../format.js';
import { PLANS } from '../demo-data.js';
import { badge, emptyState, pageHeader, scrollTable, section, statusMessage } from './common.js';

export function renderBilling(ctx) {
  const { workspace, bridge, user, announce, onPlanChanged, openSupportChat } = ctx;
  const current = () => workspace.get().plan;
  bridge.track('plan_viewed', { plan: current(), role: user.traits.role });

  const status = statusMessage();
  const changeButton = h('button', { class: 'btn btn--primary', type: 'submit', 'data-waymark': 'change-plan-button' }, 'Change plan');
  const selector = h(
    'form',
    { class: 'plans-form', 'aria-labelledby': 'billing-plans' },
    h(
      'fieldset',
      { class: 'plans', 'data-waymark': 'plan-selector' },
      h('legend', { class: 'sr-only' }, 'Choose a plan'),
      PLANS.map((plan) =>
        h(
          'label',
          { class: 'plan', 'data-waymark': `plan-card-${plan.id}` },
          h('input', { class: 'plan__radio', type: 'radio', name: 'plan', value: plan.id, checked: plan.id === current() }),
          h(
            'span',
            { class: 'plan__body' },
            h('span', { class: 'plan__name' }, plan.name, plan.id === current() ? badge('Current', 'brand') : null),
            h('span', { class: 'plan__price' }, plan.price === null ? 'Custom pricing' : plan.price === 0 ? 'Free for 14 days' : `${formatMoney(plan.price)} / month`),
            h('span', { class: 'plan__blurb' }, plan.blurb),
            h('ul', { class: 'plan__features' }, plan.features.map((feature) => h('li', {}, feature))),
          ),
        ),
      ),
    ),
    h('div', { class: 'form__actions' }, changeButton, status),
  );
  selector.addEventListener('submit', (event) => {
    event.preventDefault();
    const chosen = new FormData(selector).get('plan');
    const plan = PLANS.find((candidate) => candidate.id === chosen);
    if (!plan || plan.id === current()) {
      status.textContent = 'That is already your plan.';
      return;
    }
    if (plan.id === 'enterprise') {
      status.textContent = 'Enterprise plans are set up with our team: tell us a little about your needs.';
      openSupportChat('Hi! We would like to talk about the Enterprise plan.');
      return;
    }
    workspace.update(() => ({ plan: plan.id }));
    onPlanChanged(plan.id);
    status.textContent = `You are now on ${plan.name}. Demo only: nothing was charged.`;
    announce(`Plan changed to ${plan.name}.`);
  });

  const invoices = workspace.get().invoices;
  const element = h(
    'div',
    { class: 'page page--billing' },
    pageHeader({ title: 'Billing', description: 'Plans, payment details and invoices for this workspace.' }),
    section({ title: 'Plan', labelledBy: 'billing-plans', description: 'Upgrades apply right away and are prorated; downgrades apply at the end of the billing period.' }, selector),
    h(
      'div',
      { class: 'grid grid--two' },
      section(
        { title: 'Payment method', labelledBy: 'billing-payment' },
        current() === 'trial'
          ? h('p', { class: 'muted' }, 'No card on file. You will only need one when your trial ends.')
          : h('p', {}, 'Visa ending in 4242, expires 08/2028', h('br'), h('span', { class: 'muted' }, `Receipts go to ${user.email}`)),
      ),
      section(
        { title: 'This month', labelledBy: 'billing-month' },
        invoices[0]
          ? h('p', { class: 'big-number' }, formatMoney(invoices[0].base + invoices[0].usage + invoices[0].tax), h('span', { class: 'muted big-number__note' }, ' estimated, incl. VAT'))
          : h('p', { class: 'muted' }, 'Nothing to pay during your trial.'),
      ),
    ),
    section(
      { title: 'Invoices', labelledBy: 'billing-invoices', description: 'The table scrolls on its own: every invoice stays in reach without leaving the page.' },
      invoices.length === 0
        ? emptyState({ title: 'No invoices yet', body: 'Your first invoice arrives on the 1st of the month after your trial ends.', iconName: 'card' })
        : scrollTable({
            label: 'Invoices',
            anchor: 'invoices-table',
            className: 'table-scroll--tall table-scroll--wide',
            columns: [{ label: 'Invoice' }, { label: 'Period' }, { label: 'Issued' }, { label: 'Plan', numeric: true }, { label: 'Usage', numeric: true }, { label: 'VAT', numeric: true }, { label: 'Total', numeric: true }, { label: 'Status' }],
            rows: invoices.map((invoice) =>
              h(
                'tr',
                {},
                h('th', { scope: 'row', class: 'nowrap' }, h('code', {}, invoice.id)),
                h('td', { class: 'nowrap' }, formatMonth(invoice.period)),
                h('td', { class: 'nowrap' }, formatDate(invoice.issuedAt)),
                h('td', { class: 'num' }, formatMoney(invoice.base)),
                h('td', { class: 'num' }, formatMoney(invoice.usage)),
                h('td', { class: 'num' }, formatMoney(invoice.tax)),
                h('td', { class: 'num' }, h('strong', {}, formatMoney(invoice.base + invoice.usage + invoice.tax))),
                h('td', {}, badge(invoice.status === 'paid' ? 'Paid' : 'Open', invoice.status === 'paid' ? 'success' : 'warning')),
              ),
            ),
          }),
    ),
  );
  return { title: 'Billing', element };
}
