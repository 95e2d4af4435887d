// A forecast plotted with its history and 80 % / 95 % intervals.
import * as api from '../api.js';
import { h, show, notice, field } from '../dom.js';
import { lineChart } from '../charts.js';

// Three years of monthly demand with a December peak, so the page draws something before anyone types.
const SAMPLE = [112, 118, 132, 129, 121, 135, 148, 148, 136, 119, 104, 118, 115, 126, 141, 135, 125, 149, 170,
  170, 158, 133, 114, 140, 145, 150, 178, 163, 172, 178, 199, 199, 184, 162, 146, 166];

export async function render(main, params, session) {
  const { models } = await api.get('/models');
  const forecasters = models.filter((m) => m.kind.startsWith('forecasting') && m.aliases.live);
  const model = h('select', { id: 'forecast-model' },
    forecasters.map((m) => h('option', { value: m.name }, m.name)));
  const history = h('textarea', { id: 'forecast-history', rows: '3', cols: '60' }, SAMPLE.join(', '));
  const series = h('input', { id: 'forecast-series', placeholder: 'e.g. SKU-004' });
  const horizon = h('input', { id: 'forecast-horizon', type: 'number', min: '1', max: '60', value: '12' });
  const out = h('div', { id: 'forecast-out', 'aria-live': 'polite' });
  const form = h('form', { id: 'forecast-form' },
    field('Model', model),
    field('History (oldest first, comma-separated)', history),
    field('or a trained series id', series),
    field('Horizon', horizon),
    h('button', { type: 'submit' }, 'Forecast'));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    out.replaceChildren(h('p', {}, 'Forecasting…'));
    try {
      out.replaceChildren(await plot(model.value, series.value.trim(), history.value, Number(horizon.value)));
    } catch (e) {
      out.replaceChildren(notice(e.message));
    }
  });
  show(main, h('h2', {}, 'Forecasts'),
    session.scorer ? null : h('p', { class: 'hint' }, 'Forecasting scores the model: it needs merx-scorer or merx-admin.'),
    forecasters.length ? form : notice('No live forecasting model.', 'status'), out);
  if (forecasters.length && session.scorer) {
    form.requestSubmit();
  }
  return null;
}

async function plot(model, seriesId, historyText, horizon) {
  const inputs = { horizon };
  let past = [];
  if (seriesId) {
    inputs.series = seriesId;
  } else {
    past = historyText.split(/[\s,;]+/).filter((s) => s.length).map(Number);
    inputs.history = past;
  }
  const { outputs, version } = await api.score(model, inputs);
  const n = past.length;
  const steps = outputs.forecast.length;
  const x = Array.from({ length: n + steps }, (_, i) => i + 1 - n);
  // the forecast lines start at the last observation so the plot has no gap
  const join = (values) => (n ? [...Array(n - 1).fill(null), past[n - 1], ...values] : values);
  return lineChart(`${model} v${version}: ${outputs.model}, ${steps} steps, intervals ${outputs.intervals}`, {
    x,
    time: false,
    series: [
      { label: 'history', values: [...past, ...Array(steps).fill(null)], colour: '#222' },
      { label: 'forecast', values: join(outputs.forecast), colour: '#1f5fa8' },
      { label: 'upper 95 %', values: join(outputs.upper95), colour: '#9db9dd', width: 1 },
      { label: 'lower 95 %', values: join(outputs.lower95), colour: '#9db9dd', width: 1 },
      { label: 'upper 80 %', values: join(outputs.upper80), colour: '#5a89c4', width: 1, dash: [4, 4] },
      { label: 'lower 80 %', values: join(outputs.lower80), colour: '#5a89c4', width: 1, dash: [4, 4] },
    ],
    bands: [{ upper: 2, lower: 3, fill: 'rgba(31, 95, 168, 0.10)' },
      { upper: 4, lower: 5, fill: 'rgba(31, 95, 168, 0.20)' }],
  });
}
