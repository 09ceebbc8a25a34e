'use strict';
// snapsync admin console: talks to the node over one WebSocket (/ws), JSON text frames.
(function () {
  const $ = (id) => document.getElementById(id);
  const state = { me: null, ws: null, seq: 0, pending: new Map(), snapshots: [], nodes: [],
    charts: {}, killScope: null, reconnect: null };

  // ------------------------------------------------------------------ helpers
  function el(tag, attrs, ...children) {
    const e = document.createElement(tag);
    if (attrs) {
      for (const [k, v] of Object.entries(attrs)) {
        if (v === undefined || v === null) continue;
        if (k === 'class') e.className = v; else if (k === 'text') e.textContent = v;
        else e.setAttribute(k, v);
      }
    }
    for (const c of children) {
      if (c === null || c === undefined) continue;
      e.append(c instanceof Node ? c : document.createTextNode(String(c)));
    }
    return e;
  }
  function fmtTime(ms) {
    if (ms === null || ms === undefined || ms === 0) return '';
    return new Date(ms).toLocaleString();
  }
  function errorText(err) {
    if (!err) return '';
    let t = err.message || String(err);
    if (err.detail) t += ' — ' + err.detail;
    if (err.hint) t += ' (' + err.hint + ')';
    return t;
  }
  function showError(target, err) {
    target.textContent = '';
    target.append(el('span', { class: 'badge text-bg-danger me-2', text: 'ERROR ' + (err.sqlState || '') }),
      el('span', { class: 'error-text', text: errorText(err) }));
  }
  function isNum(v) { return typeof v === 'number'; }
  // rows: array of arrays; columns: array of names (or {name})
  function renderTable(table, columns, rows, formatters) {
    const caption = table.querySelector('caption');
    table.textContent = '';
    if (caption) table.append(caption);
    const names = columns.map((c) => (typeof c === 'string' ? c : c.name));
    const thead = el('thead', null, el('tr', null, ...names.map((n) => el('th', { scope: 'col', text: n }))));
    const tbody = el('tbody');
    for (const r of rows) {
      const tr = el('tr');
      r.forEach((v, i) => {
        const f = formatters && formatters[names[i]];
        const shown = f ? f(v, r) : v;
        const td = el('td', { class: isNum(v) ? 'num' : null });
        if (shown instanceof Node) td.append(shown); else td.textContent = shown === null || shown === undefined ? '' : String(shown);
        tr.append(td);
      });
      tbody.append(tr);
    }
    if (rows.length === 0) {
      tbody.append(el('tr', null, el('td', { colspan: String(Math.max(names.length, 1)), class: 'text-body-secondary', text: '(none)' })));
    }
    table.append(thead, tbody);
  }

  // ------------------------------------------------------------------ sign-in
  async function post(path, body) {
    const res = await fetch(path, { method: 'POST', credentials: 'same-origin',
      headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body || {}) });
    const text = await res.text();
    const json = text ? JSON.parse(text) : {};
    if (!res.ok) throw json.error || { message: res.statusText };
    return json;
  }
  async function checkSignedIn() {
    const res = await fetch('/api/me', { credentials: 'same-origin' });
    if (res.ok) { signedIn(await res.json()); } else { showLogin(); }
  }
  function showLogin(message) {
    state.me = null;
    translatePage(null);
    if (state.ws) { const w = state.ws; state.ws = null; w.close(); }
    $('app').classList.add('d-none');
    $('logout').classList.add('d-none');
    $('who').textContent = '';
    $('login').classList.remove('d-none');
    $('login-error').textContent = message || '';
    $('login-user').focus();
  }
  // The page in the signed-in user's lc_messages: labels whose English text the node
  // translated are replaced (the English originals are kept to switch back), and app.js
  // templates come from the node's catalog.
  const english = new WeakMap();
  function translatePage(i18n) {
    const pages = (i18n && i18n.pages) || {};
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      if (n.parentElement && n.parentElement.closest('table, pre, textarea, #activity-summary, #worker-events')) continue;
      if (!english.has(n)) english.set(n, n.nodeValue);
      const orig = english.get(n);
      const key = orig.trim();
      n.nodeValue = key && pages[key] !== undefined ? orig.replace(key, pages[key]) : orig;
    }
    document.documentElement.lang = i18n && i18n.pages && pages['Sign in'] && pages['Sign in'] !== 'Sign in' ? 'zh-CN' : 'en';
  }
  function text(id, ...args) {
    const t = (state.me && state.me.i18n && state.me.i18n.texts[id]) || id;
    return t.replace(/\{(\d+)\}/g, (m, i) => String(args[Number(i)]));
  }
  function signedIn(me) {
    state.me = me;
    translatePage(me.i18n);
    $('login').classList.add('d-none');
    $('app').classList.remove('d-none');
    $('logout').classList.remove('d-none');
    $('who').textContent = me.user + ' (' + (me.roles.join(', ') || 'no role') + ') on ' + me.node + ' · ' + me.nodeRole;
    const admin = !!me.sysadmin;
    for (const id of ['setting-save', 'setting-value']) $(id).disabled = !admin;
    if (!admin) $('setting-result').textContent = 'Settings can be changed by SYSADMIN users only.';
    connect();
  }
  $('login-form').addEventListener('submit', async (ev) => {
    ev.preventDefault();
    $('login-error').textContent = '';
    $('login-submit').disabled = true;
    try {
      const me = await post('/api/login', { user: $('login-user').value, password: $('login-password').value,
        lc_messages: $('login-lang').value });
      $('login-password').value = '';
      signedIn(me);
    } catch (err) {
      showError($('login-error'), err);
    } finally {
      $('login-submit').disabled = false;
    }
  });
  $('logout').addEventListener('click', async () => {
    try { await post('/api/logout', {}); } finally { showLogin(); }
  });

  // ------------------------------------------------------------------ WebSocket
  function connect() {
    if (state.ws) return;
    const ws = new WebSocket((location.protocol === 'https:' ? 'wss://' : 'ws://') + location.host + '/ws');
    state.ws = ws;
    ws.onopen = () => { $('conn-status').classList.add('d-none'); loadAll(); };
    ws.onmessage = (ev) => onMessage(JSON.parse(ev.data));
    ws.onclose = () => {
      for (const p of state.pending.values()) p.reject({ sqlState: '08006', message: 'connection to the node lost' });
      state.pending.clear();
      if (state.ws !== ws) return;
      state.ws = null;
      if (!state.me) return;
      $('conn-status').textContent = 'Connection to the node lost; reconnecting…';
      $('conn-status').classList.remove('d-none');
      clearTimeout(state.reconnect);
      state.reconnect = setTimeout(checkSignedIn, 2000);
    };
  }
  function call(op, args) {
    return new Promise((resolve, reject) => {
      if (!state.ws || state.ws.readyState !== WebSocket.OPEN) {
        reject({ sqlState: '08006', message: 'not connected to the node' });
        return;
      }
      const id = ++state.seq;
      state.pending.set(id, { resolve, reject });
      state.ws.send(JSON.stringify(Object.assign({ id, op }, args || {})));
    });
  }
  function onMessage(m) {
    if (m.id !== undefined && m.id !== null && state.pending.has(m.id)) {
      const p = state.pending.get(m.id);
      state.pending.delete(m.id);
      if (m.ok) p.resolve(m.result); else p.reject(m.error);
      return;
    }
    if (m.error && (m.error.sqlState === '28000' || m.error.sqlState === '42501')) {
      showLogin(errorText(m.error));
      return;
    }
    switch (m.event) {
      case 'hello': break;
      case 'snapshot': onSnapshot(m.data); break;
      case 'worker': onWorker(m.data); loadOverview(); break;
      case 'cluster': renderOverview(m.data); break;
      case 'setting': loadSettings(); loadOverview(); break;
      case 'requests': renderRequests(m.data); break;
      case 'exported': renderResult($('exported'), m.data); break;
      case 'snapshot_log': renderLog(m.data); break;
      default: break;
    }
  }
  function loadAll() {
    loadOverview(); loadSnapshots(); loadSettings(); loadBaselines(); startActivity();
  }

  // ------------------------------------------------------------------ overview
  async function loadOverview() {
    try {
      renderOverview(await call('overview'));
    } catch (err) {
      showError($('overview-summary'), err);
    }
  }
  function renderOverview(o) {
    state.nodes = o.nodes;
    const live = o.nodes.filter((n) => n.health === 'up').length;
    $('overview-summary').textContent = live + ' live of ' + o.nodes.length + ' node(s); enable_wdr_snapshot = '
      + (o.enable_wdr_snapshot ? 'on' : 'off') + ', wdr_snapshot_interval = ' + o.wdr_snapshot_interval
      + '; ' + o.snapshots + ' stored snapshot(s).';
    renderTable($('nodes'), ['node', 'role', 'address', 'health', 'latency (ms)', 'worker', 'last snapshot', 'next due'],
      o.nodes.map((n) => [n.node + (n.self ? ' (this node)' : ''), n.role, n.address || '', n.health + (n.health_detail ? ': ' + n.health_detail : ''),
        n.latency_ms === undefined ? '' : n.latency_ms, n.worker || '',
        n.last_snapshot_id ? '#' + n.last_snapshot_id + ' at ' + fmtTime(n.last_snapshot_at) : '',
        n.next_due ? fmtTime(n.next_due) : '']),
      { health: (v) => el('span', { class: 'badge ' + (String(v).startsWith('up') ? 'text-bg-success' : 'text-bg-danger'), text: v }),
        worker: (v) => v ? el('span', { class: 'badge ' + (v === 'RUNNING' ? 'text-bg-success' : v === 'STOPPED' ? 'text-bg-secondary' : 'text-bg-warning'), text: v }) : '' });
    const sel = $('report-node');
    const current = sel.value;
    sel.textContent = '';
    o.nodes.forEach((n) => sel.append(el('option', { value: n.node, text: n.node })));
    if (current) sel.value = current;
    if (o.last_snapshot) $('last-snapshot').textContent = 'Last snapshot: #' + o.last_snapshot.snapshot_id + ' at ' + fmtTime(o.last_snapshot.end_ts);
  }

  // ------------------------------------------------------------------ live activity
  // Active session samples by wait class (from the node's WDR sampler) and rates computed
  // from the node's cumulative counters between two polls; the last 5 minutes are charted.
  const ACTIVITY_POINTS = 300;
  const activity = { since: 0, ash: [], rates: [], last: null, timer: null };
  function startActivity() {
    clearInterval(activity.timer);
    activity.timer = setInterval(loadActivity, 2000);
    loadActivity();
  }
  async function loadActivity() {
    if (!state.ws || state.ws.readyState !== WebSocket.OPEN) return;
    let a;
    try {
      a = await call('activity', { since: activity.since });
    } catch (err) {
      showError($('activity-summary'), err);
      return;
    }
    for (const p of a.ash) {
      activity.ash.push(p);
      activity.since = Math.max(activity.since, p.t);
    }
    activity.ash = activity.ash.slice(-ACTIVITY_POINTS);
    if (a.counters && activity.last && a.now > activity.last.now) {
      const secs = (a.now - activity.last.now) / 1000;
      const d = (k) => Math.max(0, a.counters[k] - activity.last.counters[k]) / secs;
      activity.rates.push({ t: a.now, tps: d('commits') + d('rollbacks'), sps: d('statements') });
      activity.rates = activity.rates.slice(-ACTIVITY_POINTS);
    }
    if (a.counters) activity.last = { now: a.now, counters: a.counters };
    renderActivity(a);
  }
  function renderActivity(a) {
    const classes = [...new Set(activity.ash.flatMap((p) => Object.keys(p).filter((k) => k !== 't')))].sort();
    const now = activity.ash.length ? activity.ash[activity.ash.length - 1] : {};
    const rate = activity.rates.length ? activity.rates[activity.rates.length - 1] : null;
    let summary = !a.ash_available ? text('activity_unavailable')
      : a.ash_interval_s === 0 ? text('activity_off')
      : text('activity_now', classes.length ? classes.map((c) => c + ' ' + (now[c] || 0)).join(', ') : text('activity_none'), a.ash_interval_s);
    if (rate) summary += ' ' + text('activity_rates', rate.tps.toFixed(1), rate.sps.toFixed(1));
    if (a.pinned_snapshots !== null && a.pinned_snapshots !== undefined) {
      summary += ' ' + (a.oldest_pin_age_s !== null ? text('activity_pins', a.pinned_snapshots, a.oldest_pin_age_s)
        : text('activity_pins_none', a.pinned_snapshots));
    }
    $('activity-summary').textContent = summary;
    $('activity-summary').dataset.classes = JSON.stringify(Object.fromEntries(classes.map((c) => [c, now[c] || 0])));
    if (typeof Chart === 'undefined') return;
    const colors = { CPU: '#2e7d32', Lock: '#c62828', IO: '#1565c0' };
    chart('chart-activity', { type: 'line',
      data: { labels: activity.ash.map((p) => new Date(p.t).toLocaleTimeString()),
        datasets: classes.map((c) => ({ label: c, data: activity.ash.map((p) => p[c] || 0), fill: true, stepped: true,
          borderColor: colors[c], backgroundColor: colors[c] })) },
      options: { maintainAspectRatio: false, animation: false, scales: { y: { stacked: true, beginAtZero: true, ticks: { precision: 0 } } } } });
    chart('chart-rates', { type: 'line',
      data: { labels: activity.rates.map((p) => new Date(p.t).toLocaleTimeString()),
        datasets: [{ label: 'transactions/s', data: activity.rates.map((p) => p.tps) }, { label: 'statements/s', data: activity.rates.map((p) => p.sps) }] },
      options: { maintainAspectRatio: false, animation: false, scales: { y: { beginAtZero: true } } } });
  }

  // Worker state changes as they happened, newest first, with the restart rule in words.
  function onWorker(w) {
    if (!w || !w.state) return;
    let text = fmtTime(w.at) + ' ' + w.node + ': worker ' + w.state;
    const secs = Math.round((w.restart_delay_ms || 0) / 1000);
    if (w.state === 'STOPPED' && w.restart_delay_ms !== undefined) {
      const due = Math.max(w.at, w.last_start + w.restart_delay_ms);
      text += ' (its node restarts a stopped worker once ' + secs + ' s have passed since its previous start, '
        + fmtTime(w.last_start) + ': ' + (due <= w.at ? 'at once' : 'at ' + fmtTime(due)) + ')';
    } else if (w.state === 'STARTING' && state.lastWorker && state.lastWorker[w.node] === 'STOPPED') {
      text += ' (restarted by its node)';
    }
    state.lastWorker = state.lastWorker || {};
    state.lastWorker[w.node] = w.state;
    const list = $('worker-events');
    list.prepend(el('li', { text }));
    while (list.children.length > 20) list.lastChild.remove();
  }

  // ------------------------------------------------------------------ actions
  function actionResult(statement, promise) {
    const out = $('action-result');
    out.textContent = statement + ' …';
    return promise.then((r) => {
      out.textContent = '';
      const text = r.text === null || r.text === undefined
        ? (statement.indexOf('kill_snapshot') >= 0 ? 'done: the worker stopped; its restart is shown under Cluster' : '(' + r.commandTag + ')')
        : r.text;
      out.append(el('span', { class: 'badge text-bg-success me-2', text: 'OK' }),
        el('span', { class: 'text-body-secondary me-2', text: statement + ' →' }), el('span', { class: 'result-text', text }));
      (r.notices || []).forEach((n) => out.append(el('div', { text: n.severity + ': ' + n.message })));
    }, (err) => {
      showError(out, err);
      out.insertBefore(el('span', { class: 'text-body-secondary me-2', text: statement + ' →' }), out.lastChild);
    });
  }
  $('take-snapshot').addEventListener('click', () => {
    actionResult('SELECT create_wdr_snapshot()', call('take_snapshot'));
  });
  const killModal = () => bootstrap.Modal.getOrCreateInstance($('confirm-kill'));
  function askKill(scope) {
    state.killScope = scope;
    $('confirm-kill-text').textContent = scope === 'global'
      ? 'Stop the snapshot worker on EVERY coordinator of the cluster (kill_snapshot(\'global\'))? Each is restarted by its node after the restart delay.'
      : 'Stop the snapshot worker on this coordinator (kill_snapshot(\'local\'))? It is restarted by the node after the restart delay.';
    $('confirm-kill-ok').textContent = scope === 'global' ? 'Kill global' : 'Kill local';
    killModal().show();
  }
  $('kill-local').addEventListener('click', () => askKill('local'));
  $('kill-global').addEventListener('click', () => askKill('global'));
  $('confirm-kill').addEventListener('shown.bs.modal', () => $('confirm-kill-cancel').focus());
  $('confirm-kill-ok').addEventListener('click', () => {
    const scope = state.killScope;
    killModal().hide();
    actionResult("SELECT kill_snapshot('" + scope + "')", call('kill', { scope })).then(loadOverview);
  });

  // ------------------------------------------------------------------ snapshots
  async function loadSnapshots() {
    try {
      const r = await call('snapshots');
      state.snapshots = r.snapshots;
      renderSnapshots();
      renderRequests(r.requests);
    } catch (err) {
      showError($('action-result'), err);
    }
  }
  function onSnapshot(s) {
    state.snapshots = [s].concat(state.snapshots.filter((x) => x.snapshot_id !== s.snapshot_id));
    renderSnapshots();
    $('last-snapshot').textContent = 'Last snapshot: #' + s.snapshot_id + ' at ' + fmtTime(s.end_ts);
    loadOverview();
  }
  function renderSnapshots() {
    renderTable($('snapshots'), ['snapshot_id', 'trigger', 'start', 'end', 'duration (ms)', 'nodes', 'failures'],
      state.snapshots.map((s) => [s.snapshot_id, s.trigger, fmtTime(s.start_ts), fmtTime(s.end_ts), s.end_ts - s.start_ts,
        (s.nodes || []).join(', '), Object.keys(s.failures || {}).length ? JSON.stringify(s.failures) : '']));
    $('snapshots').querySelectorAll('tbody tr').forEach((tr, i) => {
      if (state.snapshots[i]) tr.setAttribute('data-snapshot-id', state.snapshots[i].snapshot_id);
    });
    for (const id of ['report-begin', 'report-end']) {
      const sel = $(id);
      const cur = sel.value;
      sel.textContent = '';
      state.snapshots.forEach((s) => sel.append(el('option', { value: s.snapshot_id, text: '#' + s.snapshot_id + ' ' + fmtTime(s.start_ts) })));
      if (cur && state.snapshots.some((s) => String(s.snapshot_id) === cur)) sel.value = cur;
    }
    if (!$('report-begin').dataset.touched && state.snapshots.length > 1) {
      $('report-begin').value = String(state.snapshots[state.snapshots.length - 1].snapshot_id);
    }
    if (!$('report-end').dataset.touched && state.snapshots.length > 0) {
      $('report-end').value = String(state.snapshots[0].snapshot_id);
    }
  }
  $('report-begin').addEventListener('change', (e) => { e.target.dataset.touched = '1'; });
  $('report-end').addEventListener('change', (e) => { e.target.dataset.touched = '1'; });
  function renderRequests(reqs) {
    renderTable($('requests'), ['request_id', 'requested_at', 'requested_by', 'node', 'outcome', 'reason', 'snapshot_id'],
      reqs.map((r) => [r.request_id, fmtTime(r.requested_at), r.requested_by, r.node, r.outcome, r.reason, r.snapshot_id || '']),
      { outcome: (v) => el('span', { class: 'badge ' + ({ TAKEN: 'text-bg-success', MERGED: 'text-bg-info', SKIPPED: 'text-bg-warning' }[v] || 'text-bg-danger'), text: v }) });
  }
  async function loadBaselines() {
    try {
      const list = await call('baselines');
      const sel = $('report-baseline');
      sel.textContent = '';
      sel.append(el('option', { value: '', text: '(none)' }));
      list.forEach((b) => sel.append(el('option', { value: b.name, text: b.name + ' (#' + b.begin + '–#' + b.end + ')' })));
    } catch (err) { /* shown by the report form when used */ }
  }

  // ------------------------------------------------------------------ report
  function chart(id, config) {
    if (state.charts[id]) state.charts[id].destroy();
    state.charts[id] = new Chart($(id), config);
  }
  $('report-form').addEventListener('submit', async (ev) => {
    ev.preventDefault();
    $('report-error').textContent = '';
    const args = { type: $('report-type').value, scope: $('report-scope').value };
    if ($('report-baseline').value) args.baseline = $('report-baseline').value;
    else { args.begin = Number($('report-begin').value); args.end = Number($('report-end').value); }
    if (args.scope === 'node') args.node = $('report-node').value;
    $('run-report').disabled = true;
    try {
      const r = await call('report', args);
      renderReport(r);
    } catch (err) {
      showError($('report-error'), err);
    } finally {
      $('run-report').disabled = false;
    }
  });
  function renderReport(r) {
    const rep = r.report;
    const info = rep.info;
    $('report-out').classList.remove('d-none');
    $('report-info').textContent = 'Snapshots #' + info.begin_snapshot_id + ' – #' + info.end_snapshot_id + ', '
      + fmtTime(info.begin_ts) + ' – ' + fmtTime(info.end_ts) + ' (' + info.elapsed_s + ' s), ' + info.type + ', ' + info.scope
      + (info.node_name ? ' ' + info.node_name : '');
    const series = r.series || [];
    const metrics = ['transactions', 'statements', 'rows', 'errors'];
    chart('chart-load', { type: 'line',
      data: { labels: series.map((p) => '#' + p.end + ' ' + new Date(p.end_ts).toLocaleTimeString()),
        datasets: metrics.map((m) => ({ label: m + '/s', data: series.map((p) => p[m] || 0), tension: 0.2 })) },
      options: { maintainAspectRatio: false, animation: false, scales: { y: { beginAtZero: true } } } });
    const stmts = (rep.statements || []).slice(0, 10);
    chart('chart-statements', { type: 'bar',
      data: { labels: stmts.map((s) => s.query.length > 40 ? s.query.slice(0, 40) + '…' : s.query),
        datasets: [{ label: 'total ms', data: stmts.map((s) => s.total_ms) }, { label: 'calls', data: stmts.map((s) => s.calls) }] },
      options: { indexAxis: 'y', maintainAspectRatio: false, animation: false } });
    const waits = (rep.waits || []).slice(0, 10);
    chart('chart-waits', { type: 'bar',
      data: { labels: waits.map((w) => w.event), datasets: [{ label: 'total ms', data: waits.map((w) => w.total_ms) }, { label: 'waits', data: waits.map((w) => w.waits) }] },
      options: { maintainAspectRatio: false, animation: false } });
    renderTable($('report-load'), ['metric', 'total', 'per second', 'per transaction'],
      (rep.load_profile || []).map((m) => [m.metric, m.total, m.per_second, m.per_transaction]));
    // each statement links to its single-statement report over the same range
    const ids = new Map((rep.statements || []).map((s) => [s.query, s.statement_id]));
    renderTable($('report-statements'), ['query', 'kind', 'calls', 'total ms', 'mean ms', 'max ms', 'rows'],
      (rep.statements || []).map((s) => [s.query, s.kind, s.calls, s.total_ms, s.mean_ms, s.max_ms, s.rows]),
      { query: (v) => {
        const a = el('a', { href: '#', class: 'sql-detail', 'data-statement-id': ids.get(v), title: 'SQL detail' }, v);
        a.addEventListener('click', (ev) => { ev.preventDefault(); showSqlReport(r, ids.get(v)); });
        return a;
      } });
    $('report-frame').src = r.url;
    $('report-download').href = r.download;
    $('report-download').setAttribute('download', 'wdr_report_' + r.begin + '_' + r.end + '.html');
    $('report-open').href = r.url;
    $('report-download').classList.remove('d-none');
    $('report-open').classList.remove('d-none');
  }

  async function showSqlReport(r, statementId) {
    $('report-error').textContent = '';
    const info = r.report.info;
    const args = { begin: r.begin, end: r.end, statement_id: statementId, scope: info.scope };
    if (info.node_name) args.node = info.node_name;
    try {
      const d = await call('sql_report', args);
      $('report-frame').src = d.url;
      $('report-open').href = d.url;
      $('report-frame').scrollIntoView();
    } catch (err) {
      showError($('report-error'), err);
    }
  }

  // ------------------------------------------------------------------ exported, log
  function renderResult(table, res) {
    renderTable(table, res.columns, res.rows);
  }
  function renderLog(res) {
    renderResult($('snapshot-log'), res);
    $('log-total').textContent = '(' + res.total + ' entries, newest first)';
  }

  // ------------------------------------------------------------------ settings
  async function loadSettings() {
    try {
      const res = await call('settings');
      renderResult($('settings'), res);
      const sel = $('setting-name');
      const cur = sel.value;
      sel.textContent = '';
      res.rows.forEach((r) => sel.append(el('option', { value: r[0], text: r[0] })));
      if (cur) sel.value = cur;
      fillSettingValue(res);
      state.settings = res;
    } catch (err) {
      showError($('setting-result'), err);
    }
  }
  function fillSettingValue(res) {
    const r = (res || state.settings || { rows: [] }).rows.find((x) => x[0] === $('setting-name').value);
    if (r) $('setting-value').value = r[1] === null ? '' : String(r[1]);
  }
  $('setting-name').addEventListener('change', () => fillSettingValue());
  $('setting-form').addEventListener('submit', async (ev) => {
    ev.preventDefault();
    const name = $('setting-name').value;
    const out = $('setting-result');
    out.textContent = 'ALTER SYSTEM SET ' + name + ' …';
    try {
      const r = await call('set_setting', { name, value: $('setting-value').value });
      out.textContent = 'ALTER SYSTEM SET ' + name + ': ' + r.commandTag;
      loadSettings();
    } catch (err) {
      showError(out, err);
    }
  });

  // ------------------------------------------------------------------ SQL prompt
  $('sql-form').addEventListener('submit', (ev) => { ev.preventDefault(); runSql(); });
  $('sql-input').addEventListener('keydown', (ev) => {
    if (ev.key === 'Enter' && (ev.ctrlKey || ev.metaKey)) { ev.preventDefault(); runSql(); }
  });
  async function runSql() {
    const out = $('sql-output');
    $('sql-run').disabled = true;
    $('sql-status').textContent = 'running…';
    try {
      const r = await call('sql', { sql: $('sql-input').value });
      out.textContent = '';
      for (const res of r.results) {
        if (res.columns.length) {
          const t = el('table', { class: 'table table-sm table-striped sql-result' });
          renderTable(t, res.columns, res.rows);
          out.append(el('div', { class: 'table-responsive' }, t));
        }
        out.append(el('div', { class: 'small text-body-secondary mb-2 command-tag', text: res.commandTag }));
        res.notices.forEach((n) => out.append(el('div', { class: 'small', text: n.severity + ': ' + n.message })));
      }
      if (r.error) {
        const d = el('div', { class: 'text-danger sql-error' });
        showError(d, r.error);
        out.append(d);
      }
      $('sql-status').textContent = 'transaction: ' + r.transactionStatus;
    } catch (err) {
      out.textContent = '';
      const d = el('div', { class: 'text-danger sql-error' });
      showError(d, err);
      out.append(d);
      $('sql-status').textContent = '';
    } finally {
      $('sql-run').disabled = false;
    }
  }

  checkSignedIn();
})();
