// Time and step charts drawn by uPlot (MIT, shipped inside the bundle from its WebJar).
import uPlot from './lib/uPlot.esm.js';
import { h } from './dom.js';

const COLOURS = ['#1f5fa8', '#c0392b', '#2e8540', '#8e44ad'];

/**
 * A line chart in a figure with a caption. `x` is the x values (seconds since the epoch when `time`), `series`
 * [{label, values, colour, dash}], `bands` [{upper, lower, fill}] indexes into series (0-based).
 */
export function lineChart(caption, { x, series, bands = [], time = true, yLabel = '' }) {
  const target = h('div', { class: 'chart', role: 'img', 'aria-label': caption });
  const figure = h('figure', {}, target, h('figcaption', {}, caption));
  const options = {
    width: 640,
    height: 260,
    scales: { x: { time } },
    axes: [{}, { label: yLabel }],
    series: [{ label: time ? 'time' : 'step' }, ...series.map((s, i) => ({
      label: s.label,
      stroke: s.colour ?? COLOURS[i % COLOURS.length],
      width: s.width ?? 2,
      dash: s.dash,
      spanGaps: false,
      // dots where a value has no neighbour to join, e.g. the one minute with traffic in an hour
      points: { show: (u, i) => u.data[i].filter((v) => v !== null && v !== undefined).length < 3, size: 6 },
    }))],
    bands: bands.map((b) => ({ series: [b.upper + 1, b.lower + 1], fill: b.fill })),
  };
  const data = [x, ...series.map((s) => s.values)];
  // uPlot measures its container, so it is created once the figure is in the page.
  requestAnimationFrame(() => {
    options.width = Math.max(320, Math.min(900, target.clientWidth || 640));
    target.chart = new uPlot(options, data, target);
    target.dataset.points = String(x.length);
  });
  return figure;
}
