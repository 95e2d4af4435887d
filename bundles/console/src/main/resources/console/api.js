// Same-origin calls to the REST API, authenticated by the session cookie the browser holds (HttpOnly: this code
// never sees it). Changes carry the session's CSRF token, kept only in memory.

let csrfToken = null;

/** An answer other than 2xx, with the server's message. */
export class ApiError extends Error {
  constructor(status, message) {
    super(message);
    this.status = status;
  }
}

async function call(method, path, body) {
  // X-Requested-With: a 401 then carries no Basic challenge, which would make the browser prompt by itself.
  const headers = { Accept: 'application/json', 'X-Requested-With': 'merx-console' };
  if (body !== undefined) {
    headers['Content-Type'] = 'application/json';
  }
  if (method !== 'GET' && csrfToken) {
    headers['X-CSRF-Token'] = csrfToken;
  }
  const response = await fetch(`/api/v1${path}`, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
    credentials: 'same-origin',
    cache: 'no-store',
  });
  const text = await response.text();
  let json = null;
  try {
    json = text ? JSON.parse(text) : null;
  } catch {
    json = null;
  }
  if (!response.ok) {
    throw new ApiError(response.status, json?.error ?? `${response.status} ${response.statusText}`);
  }
  return json;
}

export const get = (path) => call('GET', path);
export const post = (path, body) => call('POST', path, body ?? {});
export const put = (path, body) => call('PUT', path, body);
export const del = (path) => call('DELETE', path);

/** Path segment of a name: encoded, so a slash or '?' in a name stays inside it. */
export const seg = (name) => encodeURIComponent(name);

/** The current session, or null when not logged in. */
export async function session() {
  try {
    const current = await get('/session');
    csrfToken = current.csrfToken;
    return current;
  } catch (e) {
    if (e instanceof ApiError && e.status === 401) {
      csrfToken = null;
      return null;
    }
    throw e;
  }
}

export async function login(user, password) {
  const current = await call('POST', '/session', { user, password });
  csrfToken = current.csrfToken;
  return current;
}

export async function logout() {
  await del('/session');
  csrfToken = null;
}

/** Scores one request with a model's live version; needs merx-scorer (or merx-admin). */
export const score = (model, inputs) => post(`/models/${seg(model)}/score`, { inputs });
