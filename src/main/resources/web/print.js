/* The print view: the checklist of one pathway for the facts given, laid out for one A4 page. */
'use strict';

(async () => {
  const { api, el } = LH;
  const sheet = document.getElementById('sheet');
  document.getElementById('do-print').addEventListener('click', () => window.print());

  let req;
  try {
    req = JSON.parse(decodeURIComponent(window.location.hash.slice(1)));
  } catch (e) {
    req = null;
  }
  if (!req || !req.place || !req.pathway) {
    sheet.replaceChildren(el('p', { class: 'error' }, '没有要打印的清单：请从工作台的材料清单点击“打印”。'));
    return;
  }

  let a, facts;
  try {
    [a, facts] = await Promise.all([api('POST', '/api/assess', { place: req.place, facts: req.facts || {} }), api('GET', '/api/facts')]);
  } catch (e) {
    sheet.replaceChildren(el('p', { class: 'error' }, e.message));
    return;
  }
  const p = a.pathways.find(x => x.id === req.pathway);
  if (!p) {
    sheet.replaceChildren(el('p', { class: 'error' }, '该地点没有这条落户途径。'));
    return;
  }
  const clauses = await Promise.all(p.clauses.map(c => api('GET', '/api/clauses/' + encodeURIComponent(c.id)).catch(() => null)));
  const d = a.document;
  const ticked = new Set(req.ticked || []);
  // the document is named once, in the table at the top; items cite their clause by its number
  const cite = c => el('span', { class: 'cite' }, '〔' + c.label + '〕');
  const printed = LH.today();

  const parts = [
    el('h1', {}, '落户申报材料清单'),
    el('p', { class: 'subtitle' }, p.name),
    el('table', { class: 'meta' }, el('tbody', {},
      el('tr', {}, el('th', {}, '落户地点'), el('td', {}, a.place)),
      el('tr', {}, el('th', {}, '评估结果'), el('td', { id: 'print-status' }, LH.STATUS[p.status] || p.status,
        p.status === 'eligible' ? '（按窗口登记的情况）' : '')),
      el('tr', {}, el('th', {}, '政策依据'), el('td', {}, d.cite_name)),
      el('tr', {}, el('th', {}, '文件状态'), el('td', {},
        d.status === 'draft' ? el('span', { class: 'draft' }, LH.documentStatus(d)) : LH.documentStatus(d),
        '；', LH.documentDate(d),
        LH.documentDateNote(d) ? el('div', { class: 'date-note' }, '日期说明：' + LH.documentDateNote(d)) : null)),
      req.code_date ? el('tr', {}, el('th', {}, '预审码'), el('td', { id: 'code-date' },
        '申请人' + req.code_date + '生成的预审码，情况经窗口核验')) : null,
      el('tr', {}, el('th', {}, '打印日期'), el('td', { id: 'printed' }, printed)))),
  ];
  if (p.status === 'not_eligible') {
    // the conditions not met, in the document's words with their clause (the console shows the full explanation)
    const seen = new Set();
    const unmet = p.failures.filter(f => !seen.has(f.says) && seen.add(f.says));
    parts.push(el('div', { class: 'warn' }, '注意：按窗口登记的情况，申请人不符合该途径的条件。未满足：',
      el('span', { class: 'unmet' }, unmet.map((f, i) => [i ? '；' : '', '“' + f.says + '”', cite(f.clause)]))));
  } else if (p.status !== 'eligible') {
    parts.push(el('div', { class: 'warn' }, '注意：该途径是否符合尚待确定'
      + (p.missing_facts.length ? '，还需要了解：' + p.missing_facts.map(m => m.name).join('、') : '') + '。'));
  }

  let n = 0;
  const h = t => el('h2', {}, ['一', '二', '三', '四', '五', '六', '七'][n++] + '、' + t);

  parts.push(h('申报材料（已备齐的打 ☑）'));
  if (p.materials.length) {
    parts.push(el('ul', { class: 'materials' }, p.materials.map((m, i) => el('li', {},
      el('span', { class: 'box' }, ticked.has(i) ? '☑' : '☐'),
      el('span', {}, (i + 1) + '. ' + m.text, ' ', cite(m.clause))))));
  } else {
    parts.push(el('p', { class: 'silent' }, '文件没有列出该途径的申报材料。'));
  }
  if (p.family.length) {
    parts.push(h('可随迁人员'), el('ul', {}, p.family.map(f => el('li', {}, f.relation, f.terms ? '：' + f.terms : '', ' ', cite(f.clause)))));
  }
  if (p.registration.length) {
    parts.push(h('户口登记地及顺序'));
    for (const r of p.registration) {
      parts.push(el('ol', {}, r.order.map(o => el('li', {}, o))), el('p', { class: 'verbatim' }, r.text, ' ', cite(r.clause)));
    }
  }
  if (p.cross_province || p.notes.length) {
    parts.push(h('说明'));
    const items = [];
    if (p.cross_province) items.push(el('li', {}, '可申请跨省通办 ', cite(p.cross_province)));
    p.notes.forEach(x => items.push(el('li', {}, x.text, ' ', cite(x.clause))));
    parts.push(el('ul', {}, items));
  }
  parts.push(h('条款原文'));
  clauses.filter(Boolean).forEach(c => parts.push(el('p', { class: 'clause' }, el('b', {}, c.label + (c.heading && !c.text.startsWith(c.heading) ? ' ' + c.heading : '') + '　'), c.text, ' ', cite(c))));

  // the facts that the document's conditions read, as registered at the window
  const known = facts.facts.filter(f => f.documents.includes(d.id) && req.facts && req.facts[f.id] !== undefined && req.facts[f.id] !== null);
  if (known.length) {
    parts.push(h('窗口登记的情况'), el('ul', { class: 'facts' }, known.map(f => el('li', {}, f.name + '：' + LH.factValueLabel(f, req.facts[f.id])))));
  }
  parts.push(el('div', { class: 'footer' },
    el('span', {}, '本清单由落户助手依据' + d.cite_name + '原文整理。'),
    el('span', {}, '打印日期：' + printed)));
  sheet.replaceChildren(el('div', { id: 'content' }, parts));
  fitOnePage(sheet, document.getElementById('content'));
  document.title = '落户申报材料清单 · ' + p.name + ' · ' + printed;

  /** Lowers the sheet's font size until its content fits the A4 page inside the page margins (297mm - 2 × 12mm). */
  function fitOnePage(sheet, content) {
    const mm = 96 / 25.4;
    const available = 273 * mm - 4;
    for (let pt = 10.5; pt >= 7; pt -= 0.25) {
      sheet.style.fontSize = pt + 'pt';
      if (content.getBoundingClientRect().height <= available) return;
    }
  }
})();
