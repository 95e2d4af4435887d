// The nodes serving Merx: one on a single node, every heartbeating node of a cluster.
import * as api from '../api.js';
import { h, show, table, display } from '../dom.js';

export async function render(main) {
  const { nodes } = await api.get('/cluster');
  show(main, h('h2', {}, 'Nodes'), table(`${nodes.length} nodes`,
    ['name', 'address', 'heartbeat', 'converged', 'models (live version, lag)'],
    nodes.map((n) => [display(n.name), display(n.address), display(n.heartbeatAt), n.converged ? 'yes' : 'no',
      Object.entries(n.models ?? {}).map(([name, m]) => `${name} ${display(m.liveVersion)} (${display(m.lag)})`)
        .join('; ')])));
  return null;
}
