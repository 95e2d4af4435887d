// Models: kind, versions, states, aliases, canary and shadow; operators act on them after confirming.
import * as api from '../api.js';
import { h, show, table, notice, confirmAction, display } from '../dom.js';

export async function render(main, [name], session) {
  if (name) {
    return one(main, name, session);
  }
  const { models } = await api.get('/models');
  const rows = models.map((m) => [
    h('a', { href: `#/models/${api.seg(m.name)}`, class: 'model-name' }, m.name),
    m.kind,
    String(m.versions.length),
    m.aliases.live ?? '–',
    m.canary ? `${m.canary.version} (${m.canary.percent} %)` : '–',
    m.shadowVersion ?? '–',
  ]);
  show(main, h('h2', {}, 'Models'), table(`${models.length} models`,
    ['name', 'kind', 'versions', 'live', 'canary', 'shadow'], rows));
  return null;
}

async function one(main, name, session) {
  const model = await api.get(`/models/${api.seg(name)}`);
  const status = h('div', { 'aria-live': 'polite', id: 'action-status' });
  const act = async (question, action) => {
    if (!(await confirmAction(question))) {
      return;
    }
    try {
      await action();
      await one(main, name, session);
      document.getElementById('action-status').replaceChildren(notice('Done.', 'ok'));
    } catch (e) {
      status.replaceChildren(notice(e.message));
    }
  };
  const base = `/models/${api.seg(name)}`;
  const rows = model.versions.map((v) => [
    h('a', { href: `#/models/${api.seg(name)}/versions/${api.seg(v.version)}` }, v.version),
    v.state,
    Array.isArray(v.aliases) && v.aliases.length ? v.aliases.join(', ') : display(null),
    v.createdAt ?? '–',
    session.operator ? h('span', { class: 'actions' },
      h('button', {
        type: 'button', class: 'activate', 'data-version': v.version,
        onclick: () => act(`Make version ${v.version} of ${name} live?`,
          () => api.post(`${base}/activate`, { version: v.version })),
      }, 'Activate'),
      h('button', {
        type: 'button',
        onclick: () => act(`Send 10 % of ${name}'s traffic to version ${v.version} as a canary?`,
          () => api.put(`${base}/canary`, { version: v.version, percent: 10 })),
      }, 'Canary 10 %'),
      h('button', {
        type: 'button',
        onclick: () => act(`Shadow-score ${name}'s traffic with version ${v.version}?`,
          () => api.put(`${base}/shadow`, { version: v.version })),
      }, 'Shadow')) : '–',
  ]);
  const operations = session.operator ? h('p', { class: 'actions' },
    h('button', {
      type: 'button', id: 'rollback',
      onclick: () => act(`Roll ${name} back to its previous live version?`, () => api.post(`${base}/rollback`)),
    }, 'Roll back'),
    model.canary ? h('button', {
      type: 'button', onclick: () => act(`Stop ${name}'s canary?`, () => api.del(`${base}/canary`)),
    }, 'Stop canary') : null,
    model.shadowVersion ? h('button', {
      type: 'button', onclick: () => act(`Stop ${name}'s shadow?`, () => api.del(`${base}/shadow`)),
    }, 'Stop shadow') : null)
    : h('p', { class: 'hint' }, 'Actions need the merx-operator role.');
  show(main,
    h('h2', {}, h('span', { class: 'model-name' }, model.name)),
    h('p', {}, `Kind ${model.kind}; live ${model.aliases.live ?? 'none'}; canary `
      + `${model.canary ? `${model.canary.version} at ${model.canary.percent} %` : 'none'}; shadow `
      + `${model.shadowVersion ?? 'none'}.`),
    operations, status,
    table('Versions', ['version', 'state', 'aliases', 'created', 'actions'], rows));
  return null;
}
