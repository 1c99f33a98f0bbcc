import { h } from '../dom.js';
import { icon } from '../icons.js';
import { clearErrorsOnInput, field, isEmail, lengthBetween, required, validateForm } from '../forms.js';
import { pageHeader, section, statusMessage } from './common.js';

export const LANGUAGES = [
  { id: 'en', label: 'English' },
  { id: 'ru', label: 'Русский' },
  { id: 'lt', label: 'Lietuvių' },
  // The app's layout mirrors for a right-to-left language, as its Arabic build would (its own texts stay English here).
  { id: 'ar', label: 'العربية', dir: 'rtl' },
];

export function renderSettings(ctx) {
  const { user, prefs, workspace, setTheme, setLocale, onProfileChanged } = ctx;
  const profile = { name: user.name, email: user.email, title: '', ...workspace.get().profile };

  // Profile
  const profileStatus = statusMessage();
  const profileForm = h(
    'form',
    { class: 'form', novalidate: true, 'aria-labelledby': 'settings-profile', 'data-waymark': 'profile-form' },
    h(
      'div',
      { class: 'form__grid' },
      field({ label: 'Full name', control: h('input', { class: 'input', name: 'name', id: 'profile-name', autocomplete: 'name', value: profile.name }) }),
      field({ label: 'Work email', control: h('input', { class: 'input', type: 'email', name: 'email', id: 'profile-email', autocomplete: 'email', value: profile.email }) }),
      field({ label: 'Job title', optional: true, control: h('input', { class: 'input', name: 'title', id: 'profile-title', autocomplete: 'organization-title', value: profile.title }) }),
    ),
    h('div', { class: 'form__actions' }, h('button', { class: 'btn btn--primary', type: 'submit' }, 'Save profile'), profileStatus),
  );
  clearErrorsOnInput(profileForm);
  profileForm.addEventListener('submit', (event) => {
    event.preventDefault();
    profileStatus.textContent = '';
    const result = validateForm(profileForm, {
      name: [required('Enter your name.'), lengthBetween(2, 80, 'Use 2 to 80 characters.')],
      email: [required('Enter your work email.'), isEmail('Enter an email address like name@company.com.')],
    });
    if (!result.ok) return;
    workspace.update(() => ({ profile: result.values }));
    onProfileChanged();
    profileStatus.textContent = 'Profile saved.';
  });

  // Language: applied on save (not on change), because applying it reloads the page.
  const languageStatus = statusMessage();
  const language = h(
    'select',
    { class: 'input', name: 'language', id: 'settings-language', 'data-waymark': 'language-select' },
    LANGUAGES.map((option) => h('option', { value: option.id, lang: option.id, selected: option.id === prefs.get().locale }, option.label)),
  );
  const languageForm = h(
    'form',
    { class: 'form', 'aria-labelledby': 'settings-language-title' },
    field({ label: 'Language of guides and help articles', hint: 'Tours, tips, checklists and help articles appear in this language. Saving reloads the page.', control: language }),
    h('div', { class: 'form__actions' }, h('button', { class: 'btn btn--primary', type: 'submit' }, 'Save language'), languageStatus),
  );
  languageForm.addEventListener('submit', (event) => {
    event.preventDefault();
    if (language.value === prefs.get().locale) {
      languageStatus.textContent = 'No change.';
      return;
    }
    setLocale(language.value);
  });

  // Theme: a switch applies at once, like the operating system's own.
  const isDark = () => prefs.get().theme === 'dark';
  const themeSwitch = h(
    'button',
    { class: 'switch', type: 'button', role: 'switch', 'aria-checked': String(isDark()), 'aria-labelledby': 'settings-theme-label', 'data-waymark': 'theme-toggle' },
    h('span', { class: 'switch__track', 'aria-hidden': 'true' }, h('span', { class: 'switch__thumb' }, icon(isDark() ? 'moon' : 'sun', 'icon icon--small'))),
  );
  themeSwitch.addEventListener('click', () => {
    const next = isDark() ? 'light' : 'dark';
    setTheme(next);
    themeSwitch.setAttribute('aria-checked', String(next === 'dark'));
    themeSwitch.querySelector('.switch__thumb').replaceChildren(icon(next === 'dark' ? 'moon' : 'sun', 'icon icon--small'));
  });

  const element = h(
    'div',
    { class: 'page page--settings' },
    pageHeader({ title: 'Settings', description: 'Your profile and how Acme Cloud looks for you.' }),
    section({ title: 'Profile', labelledBy: 'settings-profile' }, profileForm),
    h(
      'div',
      { class: 'grid grid--two' },
      section({ title: 'Language', labelledBy: 'settings-language-title' }, languageForm),
      section(
        { title: 'Appearance', labelledBy: 'settings-appearance' },
        h('div', { class: 'switch-row' }, h('span', { id: 'settings-theme-label', class: 'switch-row__label' }, 'Dark theme'), themeSwitch),
        h('p', { class: 'muted' }, 'Saved on this device.'),
      ),
    ),
  );
  return { title: 'Settings', element };
}
