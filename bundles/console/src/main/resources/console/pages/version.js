// One version: provenance, metrics, input schema, native memory, and its last hour of traffic as charts.
import * as api from '../api.js';
import { h, show, table, facts, display } from '../dom.js';
import { lineChart } from '../charts.js';

export async function render(main, [name, ver]) {
  const base = `/models/${api.seg(name)}/versions/${api.seg(ver)}`;
  const [v, traffic] = await Promise.all([api.get(base), api.get(`${base}/traffic`)]);
  const fields = v.inputSchema?.fields ?? [];
  const step = traffic.stepSeconds;
  const x = traffic.points.map((p) => p.t);
  show(main,
    h('h2', {}, h('span', { class: 'model-name' }, v.model), ` version ${v.version}`),
    h('p', {}, `State ${v.state}; kind ${v.kind}; native memory ${display(v.nativeMemoryBytes)} bytes; `
      + `${v.stats.requests} requests, ${v.stats.errors} errors since loaded.`),
    v.failureReason ? h('p', { class: 'error' }, v.failureReason) : null,
    h('section', { class: 'charts', 'aria-label': 'Last hour' },
      lineChart('Requests per second (per minute)', {
        x, series: [{ label: 'requests/s', values: traffic.points.map((p) => p.requests / step) }],
      }),
      lineChart('Failed requests per second, whole model', {
        x, series: [{ label: 'errors/s', values: traffic.points.map((p) => p.modelErrors / step) }],
      }),
      lineChart('Latency (ms)', {
        x,
        yLabel: 'ms',
        series: [{ label: 'p50', values: traffic.points.map((p) => p.p50Millis) },
          { label: 'p99', values: traffic.points.map((p) => p.p99Millis) }],
      })),
    facts('Metrics', v.metrics),
    v.provenance ? facts('Provenance', v.provenance) : null,
    table('Input schema', ['field', 'type', 'required', 'description'],
      fields.map((f) => [f.name, f.type, f.required ? 'yes' : 'no', f.description ?? ''])));
  return null;
}
