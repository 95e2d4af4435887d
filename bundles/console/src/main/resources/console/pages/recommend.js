// Recommendations for a user, beside what that user bought: their latest purchases from the event log
// (GET /events?user=..., when merx-events is installed), and any items the operator adds, which are sent as
// recentItems so the answer reflects them even before the next retrain.
import * as api from '../api.js';
import { h, show, notice, field, table, display } from '../dom.js';

/** The user's latest purchases, newest first; none when the event log is not installed here. */
async function purchasesOf(user) {
  try {
    const { events } = await api.get(`/events?user=${encodeURIComponent(user)}&types=purchase&limit=20`);
    return events;
  } catch (e) {
    if (e instanceof api.ApiError && e.status === 503) {
      return [];
    }
    throw e;
  }
}

export async function render(main, params, session) {
  const { models } = await api.get('/models');
  const recommenders = models.filter((m) => m.kind.startsWith('recommendation') && m.aliases.live);
  const model = h('select', { id: 'rec-model' }, recommenders.map((m) => h('option', { value: m.name }, m.name)));
  const user = h('input', { id: 'rec-user', required: true, placeholder: 'user id' });
  const bought = h('input', { id: 'rec-bought', placeholder: 'more item ids, comma-separated (optional)' });
  const out = h('div', { id: 'rec-out', 'aria-live': 'polite' });
  const form = h('form', { id: 'rec-form' }, field('Model', model), field('User', user),
    field('Also bought', bought), h('button', { type: 'submit' }, 'Recommend'));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const recent = bought.value.split(',').map((s) => s.trim()).filter((s) => s.length);
    try {
      const inputs = { user: user.value.trim(), k: 10 };
      if (recent.length) {
        inputs.recentItems = recent;
      }
      const [{ outputs }, purchases] = await Promise.all([api.score(model.value, inputs),
        purchasesOf(inputs.user)]);
      const items = Array.isArray(outputs.items) ? outputs.items : [];
      const boughtRows = purchases.map((e) => [display(e.item), display(e.timestamp)])
        .concat(recent.map((item) => [item, 'added here']));
      out.replaceChildren(h('div', { class: 'side-by-side' },
        table('Bought', ['item', 'when'], boughtRows),
        table(`Recommended (source ${display(outputs.source)})`, ['item', 'score'],
          items.map((item) => (typeof item === 'object' ? [display(item.item ?? item.id), display(item.score)]
            : [display(item), '–'])))));
    } catch (e) {
      out.replaceChildren(notice(e.message));
    }
  });
  show(main, h('h2', {}, 'Recommendations'),
    session.scorer ? null : h('p', { class: 'hint' }, 'Recommending scores the model: it needs merx-scorer or merx-admin.'),
    recommenders.length ? form : notice('No live recommendation model.', 'status'), out);
  return null;
}
