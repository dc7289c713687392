/* 落户助手 · 窗口工作台: the assessment form, outcomes and checklist; the chat pane; the clause browser. */
'use strict';

(() => {
  const { api, el } = LH;
  const $ = id => document.getElementById(id);

  const state = {
    documents: [],        // GET /api/places
    facts: [],            // GET /api/facts
    placeDoc: {},         // place name → document
    place: '',
    values: {},           // fact id → value (only known facts)
    assessment: null,
    selected: null,       // pathway id shown in the checklist
    ticked: {},           // pathway id → Set of ticked material indexes
    seq: 0,               // newest assessment request
    codeDate: null,       // the date of the pre-check code the facts were loaded from
    stated: new Set(),    // fact ids loaded from a pre-check code and not yet confirmed or edited by the clerk
  };

  function notice(message) {
    const n = $('notice');
    if (!message) { n.hidden = true; n.textContent = ''; return; }
    n.hidden = false;
    n.replaceChildren(el('span', {}, message), el('button', { type: 'button', class: 'link', onclick: () => notice(null) }, '关闭'));
  }

  // ---- tabs ------------------------------------------------------------------------------------------------------
  for (const b of document.querySelectorAll('.tabs button')) {
    b.addEventListener('click', () => showTab(b.dataset.tab));
  }

  function showTab(name) {
    for (const b of document.querySelectorAll('.tabs button')) b.classList.toggle('active', b.dataset.tab === name);
    for (const s of document.querySelectorAll('.tab')) {
      const on = s.id === 'tab-' + name;
      s.hidden = !on;
      s.classList.toggle('active', on);
    }
    if (name === 'chat') startChat();
    if (name === 'clauses') $('clause-q').focus();
    if (name === 'report') loadReport();
  }

  // ---- clause pop-up ---------------------------------------------------------------------------------------------
  document.addEventListener('click', async ev => {
    const a = ev.target.closest('a.cite[data-clause]');
    if (!a) return;
    ev.preventDefault();
    ev.stopPropagation();
    try {
      const c = await api('GET', '/api/clauses/' + encodeURIComponent(a.dataset.clause));
      $('clause-dialog-title').textContent = c.document.short + ' ' + c.label + (c.heading ? ' ' + c.heading : '');
      $('clause-dialog-text').textContent = c.text;
      $('clause-dialog-cite').textContent = '出处：' + c.document.cite_name + ' ' + c.label + '（' + LH.documentStatus(c.document) + '）';
      $('clause-dialog').showModal();
    } catch (e) {
      notice(e.message);
    }
  });

  // ---- assessment form -------------------------------------------------------------------------------------------
  async function init() {
    try {
      const [places, facts] = await Promise.all([api('GET', '/api/places'), api('GET', '/api/facts')]);
      state.documents = places.documents;
      state.facts = facts.facts;
    } catch (e) {
      notice(e.message);
      return;
    }
    const select = $('place');
    const docSelect = $('clause-doc');
    for (const d of state.documents) {
      const group = el('optgroup', { label: d.short + (d.status === 'draft' ? '（' + (d.status_note || '草案') + '）' : '') });
      for (const p of d.places) {
        state.placeDoc[p.name] = d;
        group.append(el('option', { value: p.name }, p.root ? p.name + '（全' + kindName(p.kind) + '）' : p.name));
      }
      select.append(group);
      docSelect.append(el('option', { value: d.id }, d.short + ' · ' + d.title));
    }
    select.addEventListener('change', () => choosePlace(select.value));
    $('show-all-facts').addEventListener('change', renderForm);
    $('code-form').addEventListener('submit', openCode);
    $('reset-facts').addEventListener('click', () => {
      clearCode();
      state.values = {};
      state.ticked = {};
      renderForm();
      assess();
    });
  }

  // ---- pre-check code: the applicant's own account, loaded into the form to be checked --------------------------------
  async function openCode(ev) {
    ev.preventDefault();
    const code = $('code').value.trim();
    if (!code) return;
    try {
      const r = await api('POST', '/api/precheck', { code });
      notice(null);
      $('code').value = '';
      state.code = code;
      state.values = Object.assign({}, r.facts);
      state.ticked = {};
      state.codeDate = r.code_date;
      state.stated = new Set(Object.keys(r.facts));
      $('place').value = r.place;
      choosePlace(r.place);
      state.selected = r.pathway;
      const info = $('code-info');
      info.hidden = false;
      info.replaceChildren(
        el('strong', {}, r.note), '：以下情况来自预审码（' + r.code_date + '生成），请逐项向申请人核对，有误直接修改。',
        r.fact_lines.length ? el('ul', { class: 'stated-lines' }, r.fact_lines.map(l => el('li', {}, l))) : null,
        el('button', { type: 'button', id: 'code-confirm', class: 'secondary', onclick: confirmStated }, '已核验无误'), ' ',
        el('button', { type: 'button', id: 'code-pdf', class: 'secondary', onclick: downloadSheet }, '申请人预审单（PDF）'));
      renderForm();
    } catch (e) {
      notice(e.message);
    }
  }

  /** The citizen's sheet as they got it, as a PDF download (the code is sent in a POST body, never in a URL). */
  async function downloadSheet() {
    try {
      const res = await fetch('/api/precheck/pdf', { method: 'POST', credentials: 'same-origin',
        headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ code: state.code }) });
      if (!res.ok) {
        let msg = '下载失败（' + res.status + '）';
        try { msg = (await res.json()).error || msg; } catch (e) { /* not JSON */ }
        notice(msg);
        return;
      }
      const url = URL.createObjectURL(await res.blob());
      const a = el('a', { href: url, download: '预审单-' + state.codeDate + '.pdf' });
      document.body.append(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10000);
    } catch (e) {
      notice('无法连接服务器，请检查网络或服务是否在运行。');
    }
  }

  function confirmStated() {
    state.stated = new Set();
    renderForm();
    const info = $('code-info');
    const b = $('code-confirm');
    if (b) b.replaceWith(el('span', { class: 'confirmed' }, '已核验'));
    info.classList.add('checked');
  }

  function clearCode() {
    state.codeDate = null;
    state.code = null;
    state.stated = new Set();
    $('code-info').hidden = true;
    $('code-info').classList.remove('checked');
    $('code-info').replaceChildren();
  }

  function kindName(kind) {
    return { province: '区', city: '市', district: '区', county: '县', banner: '旗', town: '镇' }[kind] || '境';
  }

  function choosePlace(name) {
    state.place = name;
    state.selected = null;
    const d = state.placeDoc[name];
    const info = $('doc-info');
    if (!d) {
      info.replaceChildren();
      renderForm();
      $('outcomes').replaceChildren(el('p', { class: 'hint' }, '请选择落户地点。'));
      $('checklist').replaceChildren(el('p', { class: 'hint' }, '点击一条落户途径查看申报材料清单。'));
      return;
    }
    info.replaceChildren(...[
      el('div', { class: 'doc-title' }, d.cite_name),
      el('div', {}, el('span', { class: d.status === 'draft' ? 'badge badge-draft' : 'badge badge-inforce' }, LH.documentStatus(d)),
        ' ', LH.documentDate(d)),
      LH.documentDateNote(d) ? el('div', { class: 'date-note' }, '日期说明：' + LH.documentDateNote(d)) : null].filter(Boolean));
    renderForm();
    assess();
  }

  /** The form: one control per fact of the vocabulary that the place's document uses (or all facts). */
  function renderForm() {
    const form = $('facts');
    const d = state.placeDoc[state.place];
    if (!d) { form.replaceChildren(el('p', { class: 'hint' }, '请先选择落户地点。')); return; }
    const all = $('show-all-facts').checked;
    const shown = state.facts.filter(f => all || f.documents.includes(d.id));
    form.replaceChildren(...shown.map(control));
    markWanted();
  }

  function control(f) {
    const id = 'f-' + f.id;
    const value = state.values[f.id];
    let input;
    if (f.type === 'bool') {
      // the question's own answers ("在城镇" / "在农村"), so that a fact naming two places is not answered 是/否
      const labels = f.labels || { true: '是', false: '否' };
      const choices = [['true', labels.true], ['false', labels.false], ['', '未知']];
      input = el('div', { class: 'radios', role: 'radiogroup', 'aria-label': f.name },
        choices.map(([v, label]) => el('label', { class: 'radio' },
          el('input', {
            type: 'radio', name: id, id: id + '-' + (v || 'unknown'), value: v,
            checked: (value === undefined ? '' : String(value)) === v,
            onchange: ev => setValue(f, ev.target.value === '' ? null : ev.target.value === 'true'),
          }), label)));
    } else if (f.type === 'choice' || f.type === 'level') {
      input = el('select', { id, onchange: ev => setValue(f, ev.target.value || null) },
        el('option', { value: '' }, '未知'),
        f.values.map(v => el('option', { value: v.id, selected: value === v.id }, v.label)));
    } else {
      const max = f.type === 'months' ? 1200 : 150; // as the API accepts
      const box = el('input', {
        type: 'number', id, min: '0', max: String(max), step: f.type === 'months' ? '1' : '0.5', inputmode: 'decimal',
        value: value === undefined ? null : String(value), placeholder: '未知',
        oninput: ev => {
          const raw = ev.target.value.trim();
          const n = Number(raw);
          const ok = raw === '' || (Number.isFinite(n) && n >= 0 && n <= max && (f.type !== 'months' || Number.isInteger(n)));
          ev.target.classList.toggle('invalid', !ok);
          ev.target.title = ok ? '' : (f.type === 'months' ? '请填写 0 到 ' + max + ' 的整数（月）' : '请填写 0 到 ' + max + ' 的数（年）');
          setValue(f, ok && raw !== '' ? n : null); // a wrong number counts as unknown until corrected
        },
      });
      input = el('span', { class: 'number' }, box, el('span', { class: 'unit' }, f.unit));
    }
    return el('div', { class: 'fact' + (state.stated.has(f.id) ? ' stated' : ''), dataset: { fact: f.id }, title: f.question || f.description },
      el('label', { class: 'fact-name', for: f.type === 'bool' ? null : id }, f.name,
        el('span', { class: 'wanted-mark' }, '待补充'),
        state.stated.has(f.id) ? el('span', { class: 'stated-mark' }, '申请人自述，待核验') : null),
      input,
      el('div', { class: 'fact-desc' }, f.description));
  }

  function setValue(f, v) {
    // the clerk has checked this one: it is no longer only the applicant's word
    if (state.stated.delete(f.id)) {
      const div = document.querySelector('#facts .fact[data-fact="' + f.id + '"]');
      if (div) { div.classList.remove('stated'); const m = div.querySelector('.stated-mark'); if (m) m.remove(); }
    }
    if (v === null) delete state.values[f.id];
    else state.values[f.id] = v;
    assess();
  }

  let timer = null;
  function assess() {
    clearTimeout(timer);
    timer = setTimeout(runAssess, 120);
  }

  async function runAssess() {
    if (!state.place) return;
    const seq = ++state.seq;
    try {
      const a = await api('POST', '/api/assess', { place: state.place, facts: state.values });
      if (seq !== state.seq) return;
      state.assessment = a;
      notice(null);
      renderOutcomes();
      renderChecklist();
      markWanted();
    } catch (e) {
      if (seq === state.seq) notice(e.message);
    }
  }

  /** Marks the facts that undetermined pathways still need. */
  function markWanted() {
    const wanted = new Set();
    if (state.assessment) {
      for (const p of state.assessment.pathways) if (p.status === 'undetermined') p.missing.forEach(m => wanted.add(m));
    }
    for (const div of document.querySelectorAll('#facts .fact')) div.classList.toggle('wanted', wanted.has(div.dataset.fact));
  }

  // ---- outcomes ----------------------------------------------------------------------------------------------------
  const ORDER = ['eligible', 'undetermined', 'not_eligible'];

  function renderOutcomes() {
    const a = state.assessment;
    const box = $('outcomes');
    const count = s => a.pathways.filter(p => p.status === s).length;
    $('outcome-summary').textContent = '符合 ' + count('eligible') + ' · 待确定 ' + count('undetermined') + ' · 不符合 ' + count('not_eligible');
    const parts = [];
    for (const s of ORDER) {
      for (const p of a.pathways.filter(x => x.status === s)) parts.push(card(p));
    }
    const na = a.pathways.filter(p => p.status === 'not_applicable');
    if (na.length) {
      parts.push(el('details', { class: 'na' }, el('summary', {}, '本地不适用的途径（' + na.length + '）'),
        el('ul', {}, na.map(p => el('li', {}, p.name)))));
    }
    const rules = a.rules.concat(a.general_rules);
    if (rules.length) {
      parts.push(el('details', { class: 'rules' }, el('summary', {}, '相关规定（' + rules.length + '）'),
        rules.map(r => el('div', { class: 'rule' }, el('strong', {}, r.title), ' ', r.clauses.map(LH.cite),
          el('p', {}, r.text)))));
    }
    box.replaceChildren(...parts);
  }

  function card(p) {
    const body = [];
    body.push(el('header', {}, LH.statusBadge(p.status), ' ', el('strong', { class: 'pathway-name' }, p.name)));
    if (p.status === 'eligible') {
      body.push(el('p', { class: 'what' }, '按已填写的情况符合该途径的条件。点击查看材料清单。'));
    } else if (p.status === 'not_eligible') {
      body.push(el('p', { class: 'what' }, '不符合的原因：'),
        el('ul', { class: 'reasons' }, p.failures.map(f => el('li', {}, f.explanation, ' ', LH.cite(f.clause, '查看条款')))));
    } else if (p.status === 'undetermined') {
      if (p.place_unknown) body.push(el('p', { class: 'what' }, '该途径只适用于部分地区，请选择具体的市、县（区）。'));
      if (p.missing_facts.length) {
        body.push(el('p', { class: 'what missing' }, '还需要了解：',
          p.missing_facts.map((m, i) => [i ? '、' : '', el('strong', { title: m.description, dataset: { fact: m.id } }, m.name)])));
      }
    }
    body.push(el('p', { class: 'cite-line' }, '依据：', p.clauses.map(c => [LH.cite(c), ' '])));
    return el('article', {
      class: 'pathway status-' + p.status + (state.selected === p.id ? ' selected' : ''),
      tabindex: '0', dataset: { pathway: p.id },
      onclick: ev => { if (!ev.target.closest('a')) select(p.id); },
      onkeydown: ev => { if (ev.key === 'Enter') select(p.id); },
    }, body);
  }

  function select(id) {
    state.selected = id;
    for (const c of document.querySelectorAll('#outcomes .pathway')) c.classList.toggle('selected', c.dataset.pathway === id);
    renderChecklist();
    // on a narrow screen the checklist is below every card: bring it into view
    const box = $('checklist');
    const r = box.getBoundingClientRect();
    if (r.top > window.innerHeight * 0.6 || r.bottom < 0) box.scrollIntoView({ block: 'start' });
  }

  // ---- checklist ---------------------------------------------------------------------------------------------------
  function renderChecklist() {
    const box = $('checklist');
    const a = state.assessment;
    const p = a && state.selected ? a.pathways.find(x => x.id === state.selected) : null;
    if (!p) {
      box.replaceChildren(el('p', { class: 'hint' }, '点击一条落户途径（绿色为符合条件）查看申报材料清单。'));
      return;
    }
    const ticked = state.ticked[p.id] || (state.ticked[p.id] = new Set());
    const d = a.document;
    const parts = [
      el('h3', {}, p.name, ' ', LH.statusBadge(p.status)),
      el('p', { class: 'doc-line' }, d.cite_name, el('br'),
        el('span', { class: d.status === 'draft' ? 'badge badge-draft' : 'badge badge-inforce' }, LH.documentStatus(d)), ' ', LH.documentDate(d),
        LH.documentDateNote(d) ? el('span', { class: 'date-note' }, '（' + LH.documentDateNote(d) + '）') : null),
    ];
    if (p.status !== 'eligible') {
      parts.push(el('p', { class: 'warn' }, p.status === 'not_eligible'
        ? '注意：按已填写的情况，申请人不符合该途径的条件。'
        : '注意：该途径是否符合尚待确定，请先了解“还需要了解”的情况。'));
    }
    parts.push(el('h4', {}, '申报材料'));
    if (p.materials.length) {
      parts.push(el('ul', { class: 'materials', id: 'materials' }, p.materials.map((m, i) => el('li', {},
        el('label', {}, el('input', {
          type: 'checkbox', checked: ticked.has(i),
          onchange: ev => { if (ev.target.checked) ticked.add(i); else ticked.delete(i); },
        }), ' ', m.text), ' ', LH.cite(m.clause, m.clause.label)))));
    } else {
      parts.push(el('p', { class: 'silent', id: 'materials' }, '文件没有列出该途径的申报材料。'));
    }
    if (p.family.length) {
      parts.push(el('h4', {}, '可随迁人员'),
        el('ul', { class: 'family' }, p.family.map(f => el('li', {}, el('strong', {}, f.relation), f.terms ? '：' + f.terms : '', ' ', LH.cite(f.clause, f.clause.label)))));
    }
    if (p.registration.length) {
      parts.push(el('h4', {}, '户口登记地及顺序'));
      for (const r of p.registration) {
        parts.push(el('ol', { class: 'order' }, r.order.map(o => el('li', {}, o))),
          el('p', { class: 'verbatim' }, r.text, ' ', LH.cite(r.clause, r.clause.label)));
      }
    }
    if (p.cross_province) parts.push(el('p', { class: 'cross' }, '可申请跨省通办 ', LH.cite(p.cross_province, p.cross_province.label)));
    if (p.notes.length) {
      parts.push(el('h4', {}, '说明'),
        el('ul', { class: 'notes' }, p.notes.map(n => el('li', {}, n.text, ' ', LH.cite(n.clause, n.clause.label)))));
    }
    parts.push(el('p', { class: 'cite-line' }, '依据：', p.clauses.map(c => [LH.cite(c), ' '])));
    parts.push(el('div', { class: 'actions' }, el('button', { type: 'button', id: 'print', onclick: () => openPrint(p) }, '打印')));
    box.replaceChildren(...parts);
  }

  /** The print view gets its data in the URL fragment, which the browser never sends to the server. */
  function openPrint(p) {
    const data = { place: state.place, pathway: p.id, facts: state.values, ticked: [...(state.ticked[p.id] || [])] };
    if (state.codeDate) data.code_date = state.codeDate;
    window.open('print.html#' + encodeURIComponent(JSON.stringify(data)), '_blank');
  }

  // ---- chat ----------------------------------------------------------------------------------------------------------
  let chatId = null;

  async function startChat() {
    if (chatId) return;
    chatId = LH.randomId();
    await send('你好', true);
    $('chat-text').focus();
  }

  async function send(text, silent, shown) {
    const log = $('chat-log');
    if (!silent) log.append(el('div', { class: 'msg user' }, shown || text));
    $('chat-options').replaceChildren();
    const input = $('chat-text');
    input.disabled = true;
    try {
      const r = await api('POST', '/api/chat', { chat: chatId, text });
      log.append(el('div', { class: 'msg bot' }, r.reply));
      // a button sends its payload (an id the assistant reads as exactly that option) and shows its label
      $('chat-options').replaceChildren(...r.options.map((o, i) => el('button', {
        type: 'button', class: 'option', onclick: () => send((r.payloads || r.options)[i], false, o),
      }, o)));
    } catch (e) {
      log.append(el('div', { class: 'msg error' }, e.message));
    } finally {
      input.disabled = false;
      input.focus();
      log.scrollTop = log.scrollHeight;
    }
  }

  $('chat-form').addEventListener('submit', ev => {
    ev.preventDefault();
    const text = $('chat-text').value.trim();
    if (!text) return;
    $('chat-text').value = '';
    send(text, false);
  });

  $('chat-new').addEventListener('click', async () => {
    if (chatId) {
      try { await api('POST', '/api/chat/forget', { chat: chatId }); } catch (e) { notice(e.message); }
    }
    chatId = null;
    $('chat-log').replaceChildren();
    $('chat-options').replaceChildren();
    startChat();
  });

  // ---- report: counters per document and week -----------------------------------------------------------------------
  async function loadReport() {
    const box = $('report');
    try {
      const r = await api('GET', '/api/report');
      if (!r.weeks.length) { box.replaceChildren(el('p', { class: 'hint' }, '还没有统计数据。')); return; }
      const short = id => (state.documents.find(d => d.id === id) || { short: id === 'none' ? '未定地点' : id }).short;
      const list = m => Object.entries(m).map(([k, v]) => k + ' ' + v).join('，') || '—';
      box.replaceChildren(el('table', { class: 'report', id: 'report-table' },
        el('thead', {}, el('tr', {}, ['文件', '周', '咨询', '已答复', '按类型', '按途径', '文件没有规定', '未能回答', '预审码 生成/调出'].map(h => el('th', {}, h)))),
        el('tbody', {}, r.weeks.map(w => el('tr', {},
          el('td', {}, short(w.document)), el('td', {}, w.week), el('td', {}, String(w.asks)),
          el('td', {}, w.answered + '（' + (w.asks ? Math.round(100 * w.answered / w.asks) : 0) + '%）'),
          el('td', {}, list(w.byAsk)), el('td', {}, list(w.byPathway)), el('td', {}, list(w.silent)),
          el('td', {}, list(w.fallbacks)), el('td', {}, w.codesIssued + ' / ' + w.codesOpened))))));
    } catch (e) {
      box.replaceChildren(el('p', { class: 'error' }, e.message));
    }
  }

  // ---- clause browser --------------------------------------------------------------------------------------------
  $('clause-form').addEventListener('submit', async ev => {
    ev.preventDefault();
    const q = $('clause-q').value.trim();
    if (!q) return;
    const doc = $('clause-doc').value;
    const status = $('clause-status');
    status.textContent = '检索中…';
    try {
      const r = await api('GET', '/api/clauses?q=' + encodeURIComponent(q) + (doc ? '&document=' + encodeURIComponent(doc) : '') + '&limit=30');
      status.textContent = r.words.length || r.documents.length
        ? '找到 ' + r.results.length + ' 条' + (r.words.length ? '，检索词：' + r.words.join('、') : '')
        : '没有可检索的词语，请换个说法。';
      $('clause-results').replaceChildren(...r.results.map(c => el('article', { class: 'clause' },
        el('h4', {}, c.citation, c.heading ? ' · ' + c.heading : '',
          c.document.status === 'draft' ? el('span', { class: 'badge badge-draft' }, c.document.status_note || '草案') : null),
        el('p', { class: 'clause-text' }, highlight(c.text, c.matched)),
        el('p', { class: 'cite-line' }, '出处：', c.document.cite_name, ' ', c.label,
          c.matched.length ? '　命中：' + c.matched.join('、') : ''))));
    } catch (e) {
      status.textContent = e.message;
    }
  });

  /** Text nodes with the matched words wrapped in <mark>. */
  function highlight(text, words) {
    if (!words.length) return [text];
    const pattern = new RegExp('(' + [...words].sort((a, b) => b.length - a.length)
      .map(w => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|') + ')', 'g');
    return text.split(pattern).map((part, i) => i % 2 ? el('mark', {}, part) : part);
  }

  init();
})();
