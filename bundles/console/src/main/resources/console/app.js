// The console's shell: login, navigation by URL fragment, one page module per view.
import * as api from './api.js';
import { h, show, notice, field } from './dom.js';
import * as models from './pages/models.js';
import * as version from './pages/version.js';
import * as jobs from './pages/jobs.js';
import * as forecast from './pages/forecast.js';
import * as recommend from './pages/recommend.js';
import * as experiments from './pages/experiments.js';
import * as nodes from './pages/nodes.js';

const main = document.getElementById('main');
const nav = document.getElementById('nav');
const who = document.getElementById('who');
let current = null;
/** Pages poll while shown; leaving a page stops its timer. */
let stopPage = null;

const routes = [
  [/^#\/models\/([^/]+)\/versions\/([^/]+)$/, version],
  [/^#\/models\/([^/]+)$/, models],
  [/^#\/models$/, models],
  [/^#\/jobs$/, jobs],
  [/^#\/forecast$/, forecast],
  [/^#\/recommend$/, recommend],
  [/^#\/experiments$/, experiments],
  [/^#\/nodes$/, nodes],
];

async function route() {
  if (stopPage) {
    stopPage();
    stopPage = null;
  }
  if (!current) {
    loginPage();
    return;
  }
  const hash = location.hash || '#/models';
  for (const [pattern, page] of routes) {
    const match = pattern.exec(hash);
    if (match) {
      for (const link of nav.querySelectorAll('a')) {
        link.toggleAttribute('aria-current', hash.startsWith(link.getAttribute('href')));
      }
      const params = match.slice(1).map(decodeURIComponent);
      try {
        stopPage = (await page.render(main, params, current)) ?? null;
      } catch (e) {
        if (e instanceof api.ApiError && e.status === 401) {
          signedOut();
          return;
        }
        show(main, notice(e.message));
      }
      return;
    }
  }
  show(main, notice('No such page.'));
}

function signedIn(session) {
  current = session;
  nav.hidden = false;
  const role = session.roles.includes('merx-admin') ? 'admin' : session.operator ? 'operator' : 'viewer';
  who.replaceChildren(h('span', { id: 'user' }, `${session.user} (${role})`),
    h('button', { type: 'button', id: 'logout', onclick: logout }, 'Log out'));
}

function signedOut() {
  current = null;
  nav.hidden = true;
  who.replaceChildren();
  loginPage();
}

async function logout() {
  try {
    await api.logout();
  } finally {
    signedOut();
  }
}

function loginPage() {
  const user = h('input', { id: 'login-user', name: 'username', autocomplete: 'username', required: true });
  const password = h('input', {
    id: 'login-password', name: 'password', type: 'password', autocomplete: 'current-password', required: true,
  });
  const message = h('div', { 'aria-live': 'assertive' });
  const form = h('form', { id: 'login', class: 'login' },
    h('h2', {}, 'Log in'),
    field('User', user),
    field('Password', password),
    h('button', { type: 'submit', id: 'login-submit' }, 'Log in'),
    message);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    message.replaceChildren();
    try {
      const session = await api.login(user.value, password.value);
      password.value = '';
      signedIn(session);
      await route();
    } catch (e) {
      password.value = '';
      message.replaceChildren(notice(e.message));
    }
  });
  show(main, form);
  user.focus();
}

window.addEventListener('hashchange', route);
api.session().then((session) => {
  if (session) {
    signedIn(session);
  }
  route();
}, (e) => show(main, notice(`The server did not answer: ${e.message}`)));
