import { h, replaceChildren } from '../dom.js';
import { formatRelative, initials } from '../format.js';
import { ROLES } from '../demo-data.js';
import { clearErrorsOnInput, field, isEmail, required, validateForm } from '../forms.js';
import { badge, pageHeader, scrollTable, section } from './common.js';

const CAN_INVITE = new Set(['owner', 'admin']);

export function renderTeam(ctx) {
  const { workspace, bridge, announce, now, user } = ctx;
  const canInvite = CAN_INVITE.has(user.traits.role);

  const email = h('input', { class: 'input', type: 'email', name: 'email', id: 'invite-email', autocomplete: 'off', 'data-waymark': 'invite-email', disabled: !canInvite });
  const role = h(
    'select',
    { class: 'input', name: 'role', id: 'invite-role', 'data-waymark': 'invite-role', disabled: !canInvite },
    ROLES.filter((option) => option.id !== 'owner').map((option) => h('option', { value: option.id, selected: option.id === 'developer' }, option.label)),
  );
  const form = h(
    'form',
    { class: 'form form--inline', novalidate: true, 'aria-labelledby': 'team-invite', 'data-waymark': 'invite-form' },
    field({ label: 'Email address', control: email }),
    field({ label: 'Role', control: role }),
    h('div', { class: 'form__actions' }, h('button', { class: 'btn btn--primary', type: 'submit', disabled: !canInvite, 'data-waymark': 'invite-submit' }, 'Send invite')),
  );
  clearErrorsOnInput(form);
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const emails = workspace.get().members.map((member) => member.email.toLowerCase());
    const result = validateForm(form, {
      email: [required('Enter an email address.'), isEmail('Enter an email address like name@company.com.'), { test: (value) => !emails.includes(value.toLowerCase()), message: 'This person is already in your workspace.' }],
      role: [required('Choose a role.')],
    });
    if (!result.ok) return;
    const invited = { id: `inv-${crypto.getRandomValues(new Uint32Array(1))[0].toString(36)}`, name: '', email: result.values.email, role: result.values.role, status: 'invited', invitedAt: now(), lastActiveAt: null };
    workspace.update((data) => ({ members: [...data.members, invited] }));
    bridge.track('teammate_invited', { role: invited.role, teamSize: workspace.get().members.length });
    form.reset();
    announce(`Invite sent to ${invited.email}.`);
    email.focus();
  });

  const table = h('div');
  const memberCount = h('span');
  const renderMembers = () => {
    const { members } = workspace.get();
    memberCount.textContent = String(members.length);
    replaceChildren(
      table,
      scrollTable({
        label: 'Team members',
        anchor: 'members-table',
        columns: [{ label: 'Member' }, { label: 'Role' }, { label: 'Status' }, { label: 'Last active' }],
        rows: members.map((member) =>
          h(
            'tr',
            {},
            h(
              'th',
              { scope: 'row' },
              h(
                'span',
                { class: 'member' },
                h('span', { class: 'avatar avatar--small', 'aria-hidden': 'true' }, initials(member.name || member.email)),
                h('span', { class: 'member__text' }, h('span', { class: 'member__name' }, member.name || member.email, member.id === user.id ? ' (you)' : ''), member.name && h('span', { class: 'member__email' }, member.email)),
              ),
            ),
            h('td', { class: 'nowrap' }, ROLES.find((option) => option.id === member.role)?.label ?? member.role),
            h('td', {}, member.status === 'invited' ? badge('Invite sent', 'warning') : badge('Active', 'success')),
            h('td', { class: 'nowrap' }, member.lastActiveAt ? formatRelative(member.lastActiveAt, now()) : '—'),
          ),
        ),
      }),
    );
  };
  renderMembers();
  const unsubscribe = workspace.subscribe(renderMembers);

  const element = h(
    'div',
    { class: 'page page--team' },
    pageHeader({ title: 'Team', description: 'Invite the people you build with and decide what each of them can change.' }),
    section(
      { title: 'Invite a teammate', labelledBy: 'team-invite', className: 'invite' },
      !canInvite && h('p', { class: 'notice' }, 'Only owners and admins can invite people. Ask an admin of your workspace to send the invite.'),
      form,
      h('p', { class: 'muted' }, 'Invitees get an email with a link that is valid for 7 days.'),
    ),
    section({ title: ['Members (', memberCount, ')'], labelledBy: 'team-members' }, table),
  );
  return { title: 'Team', element, dispose: unsubscribe };
}
