// Training jobs, latest per model, refreshed every two seconds while the page is shown.
import * as api from '../api.js';
import { h, show, table } from '../dom.js';

export async function render(main) {
  const draw = async () => {
    const { jobs } = await api.get('/jobs');
    show(main, h('h2', {}, 'Training jobs'), table(`${jobs.length} jobs (latest per model)`,
      ['model', 'kind', 'state', 'progress', 'started', 'finished', 'message', 'version'],
      jobs.map((j) => [j.model, j.kind, j.state,
        h('progress', { max: '1', value: String(j.progress), 'aria-label': `${j.model} progress` },
          `${Math.round(j.progress * 100)} %`),
        j.startedAt ?? '–', j.finishedAt ?? '–', j.message ?? '', j.resultVersion ?? '–'])));
  };
  await draw();
  const timer = setInterval(() => draw().catch(() => clearInterval(timer)), 2000);
  return () => clearInterval(timer);
}
