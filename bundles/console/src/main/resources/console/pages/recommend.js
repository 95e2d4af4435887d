// Recommendations for a user, beside the items the operator says they bought (e.g. from the shop's order history):
// those are sent as recentItems, so the answer reflects them even before the next retrain.
import * as api from '../api.js';
import { h, show, notice, field, table, display } from '../dom.js';

export async function render(main, params, session) {
  const { models } = await api.get('/models');
  const recommenders = models.filter((m) => m.kind.startsWith('recommendation') && m.aliases.live);
  const model = h('select', { id: 'rec-model' }, recommenders.map((m) => h('option', { value: m.name }, m.name)));
  const user = h('input', { id: 'rec-user', required: true, placeholder: 'user id' });
  const bought = h('input', { id: 'rec-bought', placeholder: 'item ids, comma-separated (optional)' });
  const out = h('div', { id: 'rec-out', 'aria-live': 'polite' });
  const form = h('form', { id: 'rec-form' }, field('Model', model), field('User', user),
    field('Bought recently', bought), h('button', { type: 'submit' }, 'Recommend'));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const recent = bought.value.split(',').map((s) => s.trim()).filter((s) => s.length);
    try {
      const inputs = { user: user.value.trim(), k: 10 };
      if (recent.length) {
        inputs.recentItems = recent;
      }
      const { outputs } = await api.score(model.value, inputs);
      const items = Array.isArray(outputs.items) ? outputs.items : [];
      out.replaceChildren(h('div', { class: 'side-by-side' },
        table('Bought', ['item'], recent.map((item) => [item])),
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
