/* 落户助手 · 窗口工作台 — helpers shared by the console (index.html) and the print view (print.html). */
'use strict';

const LH = (() => {
  // A page opened with ?token=… got a cookie from the server; the token need not stay in the address bar.
  (function dropTokenFromUrl() {
    const url = new URL(window.location.href);
    if (url.searchParams.has('token')) {
      url.searchParams.delete('token');
      window.history.replaceState(null, '', url.pathname + url.search + url.hash);
    }
  })();

  /** Calls the JSON API; rejects with an Error whose message is the server's {"error": …}. */
  async function api(method, path, body) {
    const init = { method, headers: { 'Accept': 'application/json' }, credentials: 'same-origin' };
    if (body !== undefined) {
      init.headers['Content-Type'] = 'application/json';
      init.body = JSON.stringify(body);
    }
    let res;
    try {
      res = await fetch(path, init);
    } catch (e) {
      throw new Error('无法连接服务器，请检查网络或服务是否在运行。');
    }
    let data = null;
    try { data = await res.json(); } catch (e) { /* not JSON */ }
    if (!res.ok) {
      if (res.status === 401) throw new Error('需要访问令牌：请使用管理员提供的带 ?token= 的地址打开本页。');
      throw new Error((data && data.error) || ('请求失败（' + res.status + '）'));
    }
    return data;
  }

  /** Creates an element: el('p', {class: 'x'}, 'text', child, …). Text is always set as text, never as HTML. */
  function el(tag, attrs, ...children) {
    const e = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (v === null || v === undefined || v === false) continue;
      if (k === 'class') e.className = v;
      else if (k === 'dataset') Object.assign(e.dataset, v);
      else if (k.startsWith('on') && typeof v === 'function') e.addEventListener(k.slice(2), v);
      else if (v === true) e.setAttribute(k, '');
      else e.setAttribute(k, v);
    }
    for (const c of children.flat(Infinity)) {
      if (c === null || c === undefined || c === false) continue;
      e.append(c instanceof Node ? c : document.createTextNode(String(c)));
    }
    return e;
  }

  const STATUS = {
    eligible: '符合条件',
    not_eligible: '不符合',
    undetermined: '待确定',
    not_applicable: '本地不适用',
  };

  /** "2022-08-01" → "2022年8月1日", "2016" → "2016年". */
  function chineseDate(s) {
    if (!s) return '';
    const m = String(s).match(/^(\d{4})(?:-(\d{1,2}))?(?:-(\d{1,2}))?$/);
    if (!m) return String(s);
    return m[1] + '年' + (m[2] ? Number(m[2]) + '月' : '') + (m[3] ? Number(m[3]) + '日' : '');
  }

  function today() {
    const d = new Date();
    return d.getFullYear() + '年' + (d.getMonth() + 1) + '月' + d.getDate() + '日';
  }

  /** The document's status in words: 现行文件, or 草案（审议稿）. */
  function documentStatus(doc) {
    if (doc.status === 'draft') return '草案' + (doc.status_note ? '（' + doc.status_note + '）' : '') + '，尚非正式文件';
    return '现行文件';
  }

  /** The document's date in words, as precise as the document allows. */
  function documentDate(doc) {
    const parts = [];
    if (doc.date && doc.date_inferred) parts.push('文件未写日期，推定为' + chineseDate(doc.date));
    else parts.push(doc.date ? '文件日期：' + chineseDate(doc.date) : '文件未写日期');
    if (doc.effective) parts.push('施行日期：' + chineseDate(doc.effective));
    return parts.join('；');
  }

  /** The document's own words on its date, or how the date was inferred; null when there are none. */
  function documentDateNote(doc) {
    return doc.date_note || null;
  }

  /** A fact's value in plain Chinese, as the vocabulary words it. */
  function factValueLabel(fact, value) {
    if (value === null || value === undefined || value === '') return '未知';
    if (fact.type === 'bool') return fact.labels ? fact.labels[String(!!value)] : (value ? '是' : '否');
    if (fact.type === 'choice' || fact.type === 'level') {
      const v = fact.values.find(x => x.id === value);
      return v ? v.label : String(value);
    }
    return value + (fact.unit || '');
  }

  /** A clause citation that opens the clause's text when clicked (see bindCitations). */
  function cite(clause, label) {
    if (!clause) return null;
    return el('a', { class: 'cite', href: '#', dataset: { clause: clause.id }, title: '查看条款原文：' + clause.citation }, label || clause.citation);
  }

  function statusBadge(status) {
    return el('span', { class: 'badge badge-' + status }, STATUS[status] || status);
  }

  /** Random chat id from the browser's generator (works without HTTPS, unlike crypto.randomUUID). */
  function randomId() {
    const b = new Uint8Array(12);
    crypto.getRandomValues(b);
    return Array.from(b, x => x.toString(16).padStart(2, '0')).join('');
  }

  return { api, el, STATUS, chineseDate, today, documentStatus, documentDate, documentDateNote, factValueLabel, cite, statusBadge, randomId };
})();
