import { h, replaceChildren } from '../dom.js';
import { icon } from '../icons.js';
import { formatDate } from '../format.js';
import { REGIONS } from '../demo-data.js';
import { clearErrorsOnInput, field, lengthBetween, matches, required, validateForm } from '../forms.js';
import { badge, emptyState, pageHeader, scrollTable, section } from './common.js';

const NAME_PATTERN = /^[a-z][a-z0-9-]*[a-z0-9]$/;

export function renderProjects(ctx) {
  const { workspace, bridge, navigate, announce, now, url } = ctx;
  const formId = 'new-project';

  const newButton = h(
    'button',
    { class: 'btn btn--primary', type: 'button', 'aria-expanded': 'false', 'aria-controls': formId, 'data-waymark': 'new-project-button' },
    icon('plus'),
    'New project',
  );
  const form = createProjectForm({
    id: formId,
    existingNames: () => workspace.get().projects.map((project) => project.name),
    onCancel: () => setFormOpen(false, true),
    onSubmit(values) {
      const project = {
        id: `prj-${crypto.getRandomValues(new Uint32Array(1))[0].toString(36)}`,
        name: values.name,
        region: values.region,
        environment: values.environment,
        description: values.description ?? '',
        createdAt: now(),
      };
      workspace.update((data) => ({ projects: [project, ...data.projects] }));
      bridge.track('project_created', { projectId: project.id, region: project.region, environment: project.environment, projectCount: workspace.get().projects.length });
      announce(`Project ${project.name} created.`);
      navigate(`/projects/${project.id}`);
    },
  });
  const formSection = section({ title: 'New project', labelledBy: 'new-project-title', className: 'new-project' }, form);
  formSection.id = formId;

  const setFormOpen = (open, restoreFocus = false) => {
    newButton.setAttribute('aria-expanded', String(open));
    formSection.hidden = !open;
    if (open) form.querySelector('input')?.focus();
    else if (restoreFocus) newButton.focus();
  };
  newButton.addEventListener('click', () => setFormOpen(newButton.getAttribute('aria-expanded') !== 'true'));

  const list = h('div', { class: 'projects-list' });
  const renderList = () => {
    const { projects } = workspace.get();
    replaceChildren(
      list,
      projects.length === 0
        ? emptyState({ title: 'No projects yet', body: 'Projects group the services, API keys and deploys of one product. Most teams start with one per environment.', iconName: 'folder' })
        : scrollTable({
            label: 'Projects',
            anchor: 'project-list',
            columns: [{ label: 'Name' }, { label: 'Region' }, { label: 'Environment' }, { label: 'Created' }],
            rows: projects.map((project) =>
              h(
                'tr',
                {},
                h('th', { scope: 'row' }, h('a', { class: 'link', href: `/projects/${project.id}` }, project.name)),
                h('td', {}, REGIONS.find((region) => region.id === project.region)?.label ?? project.region),
                h('td', {}, badge(project.environment, project.environment === 'production' ? 'success' : 'neutral')),
                h('td', {}, formatDate(project.createdAt)),
              ),
            ),
          }),
    );
  };
  renderList();
  const unsubscribe = workspace.subscribe(renderList);

  const element = h(
    'div',
    { class: 'page page--projects' },
    pageHeader({ title: 'Projects', description: 'Each project gets its own endpoint, keys and deploy history.', actions: [newButton] }),
    formSection,
    section({ title: 'All projects', labelledBy: 'projects-all' }, list),
  );
  setFormOpen(url.searchParams.has('new'));
  return { title: 'Projects', element, dispose: unsubscribe };
}

function createProjectForm({ id, existingNames, onSubmit, onCancel }) {
  const name = h('input', { class: 'input', name: 'name', id: `${id}-name`, autocomplete: 'off', spellcheck: 'false', 'data-waymark': 'project-name-input' });
  const region = h(
    'select',
    { class: 'input', name: 'region', id: `${id}-region`, 'data-waymark': 'project-region-select' },
    h('option', { value: '' }, 'Choose a region'),
    REGIONS.map((option) => h('option', { value: option.id }, option.label)),
  );
  const description = h('textarea', { class: 'input', name: 'description', id: `${id}-description`, rows: 3 });
  const environments = h(
    'fieldset',
    { class: 'field fieldset' },
    h('legend', { class: 'field__label' }, 'Environment'),
    h('div', { class: 'choice-row' }, [
      ['production', 'Production'],
      ['staging', 'Staging'],
    ].map(([value, label]) => h('label', { class: 'choice' }, h('input', { type: 'radio', name: 'environment', value, checked: value === 'production' }), label))),
  );
  const form = h(
    'form',
    { class: 'form', novalidate: true, 'aria-labelledby': 'new-project-title', 'data-waymark': 'new-project-form' },
    h(
      'div',
      { class: 'form__grid' },
      field({ label: 'Project name', hint: 'Lowercase letters, digits and hyphens, e.g. checkout-api.', control: name }),
      field({ label: 'Region', hint: 'Where your data is stored. It cannot be changed later.', control: region }),
    ),
    environments,
    field({ label: 'Description', control: description, optional: true }),
    h('div', { class: 'form__actions' }, h('button', { class: 'btn btn--primary', type: 'submit', 'data-waymark': 'create-project-submit' }, 'Create project'), h('button', { class: 'btn btn--secondary', type: 'button', on: { click: onCancel } }, 'Cancel')),
  );
  clearErrorsOnInput(form);
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const result = validateForm(form, {
      name: [
        required('Enter a project name.'),
        lengthBetween(3, 32, 'Use 3 to 32 characters.'),
        matches(NAME_PATTERN, 'Start with a letter and use only lowercase letters, digits and hyphens.'),
        { test: (value) => !existingNames().includes(value), message: 'A project with this name already exists.' },
      ],
      region: [required('Choose a region.')],
      description: [lengthBetween(0, 200, 'Keep the description under 200 characters.')],
    });
    if (result.ok) onSubmit(result.values);
  });
  return form;
}
