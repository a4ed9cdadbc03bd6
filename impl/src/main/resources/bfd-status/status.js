/*
 * odl-bfd status page. Copyright (c) 2026 odl-bfd authors and others.
 * This program and the accompanying materials are made available under the terms of the Eclipse
 * Public License v1.0 which accompanies this distribution, http://www.eclipse.org/legal/epl-v10.html
 *
 * Reads the sessions' operational state over RESTCONF, then follows the RFC 9314 state-change
 * notifications (singlehop-notification, multihop-notification) on a RESTCONF event stream
 * (server-sent events, RFC 8040 section 6.4), exactly as docs/walkthrough.md does with curl. Every
 * request goes to this page's own origin with the browser's credentials.
 */
'use strict';

const YANG_JSON = 'application/yang-data+json';
const DATA = '/rests/data/';
const PROTOCOLS = DATA + 'ietf-routing:routing/control-plane-protocols?content=nonconfig';
const NOTIFICATIONS = [
  '(urn:ietf:params:xml:ns:yang:ietf-bfd-ip-sh?revision=2022-09-22)singlehop-notification',
  '(urn:ietf:params:xml:ns:yang:ietf-bfd-ip-mh?revision=2022-09-22)multihop-notification'
];
const HISTORY = 8;            // transitions kept per session
const LOG = 50;               // transitions kept in the page log
const REFRESH_MS = 10000;     // counters and timers are re-read this often

const sessions = new Map();   // id -> session
const log = [];               // newest first
let refreshTimer = null;

function sessionId(kind, a, b) {
  return kind + '|' + a + '|' + b;
}

/* Absolute URLs on this page's origin: a page opened as http://user:pass@host/ must not pass its
   credentials on in request URLs (fetch refuses them); the browser sends its cached ones. */
function here(path) {
  return new URL(path, window.location.origin).href;
}

async function restconf(path, options) {
  const response = await fetch(here(path), Object.assign({ credentials: 'same-origin' }, options || {},
    { headers: Object.assign({ Accept: YANG_JSON }, (options && options.headers) || {}) }));
  if (response.status === 401) {
    throw new Error('RESTCONF refused the credentials (HTTP 401)');
  }
  return response;
}

/* ---------- operational state ---------- */

function fromOper(kind, instance, key, entry, running) {
  const id = kind === 'sh' ? sessionId('sh', entry.interface, entry['dest-addr'])
    : sessionId('mh', entry['source-addr'], entry['dest-addr']);
  const run = running['session-running'] || {};
  const stats = running['session-statistics'] || {};
  const old = sessions.get(id);
  const s = old || { id: id, history: [], seeded: false };
  s.kind = kind;
  s.instance = instance;
  s.key = key;
  s.name = entry['odl-bfd-ext:session-name'] || (kind === 'sh' ? 'sh:' + key.replace(',', ':') : 'mh:'
    + entry['source-addr'] + '->' + entry['dest-addr']);
  s.state = run['local-state'] || '-';
  s.remote = run['remote-state'] || '-';
  s.diag = run['local-diagnostic'] || '-';
  s.tx = run['negotiated-tx-interval'];
  s.rx = run['negotiated-rx-interval'];
  s.detect = run['detection-time'];
  s.lastUp = stats['last-up-time'];
  s.lastDown = stats['last-down-time'];
  s.flaps = stats['down-count'] === undefined ? '-' : Number(stats['down-count']);
  if (!s.seeded) {
    // before the stream: the last Up and the last Down the counters remember
    if (s.lastUp) {
      s.history.push({ time: s.lastUp, state: 'up', diag: '', seeded: true });
    }
    if (s.lastDown) {
      s.history.push({ time: s.lastDown, state: 'down', diag: s.state !== 'up' ? s.diag : '', seeded: true });
    }
    s.history.sort((x, y) => (x.time < y.time ? 1 : -1));
    s.seeded = true;
  }
  return s;
}

async function refresh() {
  const response = await restconf(PROTOCOLS);
  const seen = new Set();
  if (response.ok) {
    const body = await response.json();
    const list = (body['ietf-routing:control-plane-protocols'] || {})['control-plane-protocol'] || [];
    for (const protocol of list) {
      const bfd = protocol['ietf-bfd:bfd'];
      if (protocol.type !== 'ietf-bfd-types:bfdv1' || !bfd) {
        continue;
      }
      const ipSh = ((bfd['ietf-bfd-ip-sh:ip-sh'] || {}).sessions || {}).session || [];
      for (const entry of ipSh) {
        const s = fromOper('sh', protocol.name, entry.interface + ',' + entry['dest-addr'], entry, entry);
        sessions.set(s.id, s);
        seen.add(s.id);
      }
      const ipMh = ((bfd['ietf-bfd-ip-mh:ip-mh'] || {})['session-groups'] || {})['session-group'] || [];
      for (const group of ipMh) {
        const s = fromOper('mh', protocol.name, group['source-addr'] + ',' + group['dest-addr'], group,
          (group.sessions || [])[0] || {});
        sessions.set(s.id, s);
        seen.add(s.id);
      }
    }
  } else if (response.status !== 404 && response.status !== 409) {
    // 404/409 data-missing: no instance has sessions
    throw new Error('reading operational state: HTTP ' + response.status);
  }
  for (const id of Array.from(sessions.keys())) {
    if (!seen.has(id)) {
      sessions.delete(id);
    }
  }
  document.getElementById('updated').textContent = new Date().toLocaleTimeString();
  render();
}

function scheduleRefresh(delay) {
  clearTimeout(refreshTimer);
  refreshTimer = setTimeout(() => refresh().then(() => scheduleRefresh(REFRESH_MS), fail), delay);
}

/* ---------- notification stream ---------- */

async function subscribe() {
  const created = await restconf('/rests/operations/sal-remote:create-notification-stream', {
    method: 'POST',
    headers: { 'Content-Type': YANG_JSON },
    body: JSON.stringify({ input: { notifications: NOTIFICATIONS } })
  });
  if (!created.ok) {
    throw new Error('create-notification-stream: HTTP ' + created.status);
  }
  const stream = (await created.json())['sal-remote:output']['notification-stream-identifier'];
  const described = await restconf(DATA + 'ietf-restconf-monitoring:restconf-state/streams/stream=' + stream);
  if (!described.ok) {
    throw new Error('stream ' + stream + ': HTTP ' + described.status);
  }
  const access = (await described.json())['ietf-restconf-monitoring:stream'][0].access;
  const json = access.find(a => a.encoding === 'json');
  // the location names the host the controller saw; keep this page's origin, whatever proxy is between
  const events = new EventSource(here(new URL(json.location).pathname), { withCredentials: true });
  const status = document.getElementById('stream-status');
  events.onopen = () => { status.textContent = 'live'; };
  events.onerror = () => { status.textContent = 'reconnecting'; };
  events.onmessage = event => notified(JSON.parse(event.data));
  // ODL sends the response headers only with the first event, so 'open' comes with the first transition
  status.textContent = 'subscribed';
}

function notified(message) {
  const note = message['ietf-restconf:notification'] || {};
  const sh = note['ietf-bfd-ip-sh:singlehop-notification'];
  const mh = note['ietf-bfd-ip-mh:multihop-notification'];
  const body = sh || mh;
  if (!body) {
    return;
  }
  const id = sh ? sessionId('sh', sh.interface, sh['dest-addr']) : sessionId('mh', mh['source-addr'], mh['dest-addr']);
  const entry = { time: body['time-of-last-state-change'] || note['event-time'], state: body['new-state'],
    diag: body['state-change-reason'] || '' };
  const s = sessions.get(id);
  if (s) {
    if (s.state === 'up' && entry.state !== 'up' && typeof s.flaps === 'number' && entry.state === 'down') {
      s.flaps += 1;
    }
    s.state = entry.state;
    s.diag = entry.diag;
    if (entry.state === 'up') {
      s.lastUp = entry.time;
    }
    s.history.unshift(entry);
    s.history.length = Math.min(s.history.length, HISTORY);
    s.changed = true;
  }
  log.unshift(Object.assign({ session: s ? s.name : id.replace(/\|/g, ' ') }, entry));
  log.length = Math.min(log.length, LOG);
  render();
  // remote state, timers and counters come with the operational state, a moment later
  scheduleRefresh(500);
}

/* ---------- rendering ---------- */

function cell(row, text, className) {
  const td = document.createElement('td');
  td.textContent = text === undefined || text === null ? '-' : String(text);
  if (className) {
    td.className = className;
  }
  row.appendChild(td);
  return td;
}

function ms(micros) {
  return micros === undefined ? '-' : String(Number(micros) / 1000);
}

function stateName(state) {
  return state === 'adminDown' ? 'AdminDown' : state.charAt(0).toUpperCase() + state.slice(1);
}

function when(time) {
  return time ? time.replace('T', ' ').replace(/(\.\d{3})\d*/, '$1') : '-';
}

function render() {
  const body = document.querySelector('#sessions tbody');
  body.replaceChildren();
  const list = Array.from(sessions.values()).sort((a, b) => a.name.localeCompare(b.name));
  let up = 0;
  for (const s of list) {
    up += s.state === 'up' ? 1 : 0;
    const row = document.createElement('tr');
    row.dataset.session = s.id;
    row.dataset.state = s.state;
    if (s.changed) {
      row.className = 'changed';
      s.changed = false;
    }
    cell(row, s.name, 'name');
    cell(row, s.key, 'key');
    cell(row, s.instance);
    cell(row, stateName(s.state), 'state state-' + s.state);
    cell(row, s.remote === '-' ? '-' : stateName(s.remote), 'remote');
    cell(row, s.diag, 'diag');
    cell(row, ms(s.tx) + ' / ' + ms(s.rx), 'num');
    cell(row, ms(s.detect), 'num');
    cell(row, s.state === 'up' ? when(s.lastUp) : '-');
    cell(row, s.flaps, 'num flaps');
    const history = document.createElement('ul');
    history.className = 'history';
    for (const h of s.history) {
      const item = document.createElement('li');
      item.textContent = when(h.time) + ' ' + stateName(h.state) + (h.diag ? ' (' + h.diag + ')' : '');
      if (h.seeded) {
        item.className = 'seeded';
        item.title = 'from the session statistics, before this page was opened';
      }
      history.appendChild(item);
    }
    cell(row, '', 'transitions').appendChild(history);
    body.appendChild(row);
  }
  document.getElementById('empty').hidden = list.length !== 0;
  document.getElementById('totals').textContent = list.length + ' sessions, ' + up + ' Up';
  const logBody = document.querySelector('#log tbody');
  logBody.replaceChildren();
  for (const entry of log) {
    const row = document.createElement('tr');
    cell(row, when(entry.time));
    cell(row, entry.session);
    cell(row, stateName(entry.state), 'state state-' + entry.state);
    cell(row, entry.diag);
    logBody.appendChild(row);
  }
}

function fail(error) {
  const box = document.getElementById('error');
  box.textContent = String(error.message || error);
  box.hidden = false;
}

refresh().then(() => scheduleRefresh(REFRESH_MS), fail);
subscribe().catch(error => {
  document.getElementById('stream-status').textContent = 'off';
  fail(error);
});
