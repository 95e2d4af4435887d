// A/B experiments of every model: state, both arms and the effect with its interval.
import * as api from '../api.js';
import { h, show, table, display } from '../dom.js';

const percent = (x) => (x === null || x === undefined ? '–' : `${(x * 100).toFixed(2)} %`);

export async function render(main) {
  const { models } = await api.get('/models');
  const rows = [];
  for (const m of models) {
    let answer;
    try {
      answer = await api.get(`/models/${api.seg(m.name)}/experiments`);
    } catch {
      continue; // the experiments bundle is not installed, or the model has none
    }
    for (const e of answer.experiments ?? []) {
      const effect = e.effect ?? {};
      rows.push([m.name, display(e.id), display(e.state), `${display(e.controlVersion)} → ${display(e.candidateVersion)}`,
        percent(e.control?.rate), percent(e.candidate?.rate),
        `${percent(effect.absoluteLift)} [${percent(effect.low)}, ${percent(effect.high)}]`,
        display(e.reason)]);
    }
  }
  show(main, h('h2', {}, 'Experiments'), table(`${rows.length} experiments`,
    ['model', 'id', 'state', 'control → candidate', 'control rate', 'candidate rate', 'lift [interval]', 'reason'],
    rows));
  return null;
}
