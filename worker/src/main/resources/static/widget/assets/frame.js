// The chat frame: the visitor's conversation, live. Its token comes in the URL's fragment (never
// sent to a server); every call carries it as a bearer token. Messages render as text only.
(function () {
  'use strict';
  var KEY = 'sessionflow.frame.token';
  var token = location.hash.length > 1 ? decodeURIComponent(location.hash.slice(1)) : null;
  if (token) {
    try { sessionStorage.setItem(KEY, token); } catch (e) { /* storage may be off */ }
    history.replaceState(null, '', location.pathname);
  } else {
    try { token = sessionStorage.getItem(KEY); } catch (e) { token = null; }
  }

  var list = document.getElementById('messages');
  var form = document.getElementById('composer');
  var text = document.getElementById('text');
  var send = document.getElementById('send');
  var endButton = document.getElementById('end');
  var status = document.getElementById('status');
  var composerError = document.getElementById('composer-error');
  var shown = null;
  var expired = false;

  function tell(type) {
    if (window.parent !== window) { window.parent.postMessage({ type: type }, '*'); }
  }

  function say(message) { status.textContent = message || ''; }

  function gone() {
    expired = true;
    say('This chat has expired. Reload the page to start a new one.');
    form.hidden = true;
    tell('sessionflow:expired');
  }

  // The visitor's language, so that the warning, the ended notice and the survey come in it.
  function browserLocale() {
    var tag = (navigator.languages && navigator.languages[0]) || navigator.language || '';
    // As the API takes it: language, optional script and region (en-US, zh-Hant-TW).
    var simple = /^[A-Za-z]{2,3}(-[A-Za-z]{4})?(-([A-Za-z]{2}|[0-9]{3}))?/.exec(tag);
    return simple ? simple[0] : null;
  }

  function call(method, path, body) {
    var init = { method: method, headers: { Authorization: 'Bearer ' + token } };
    if (body !== undefined) {
      init.headers['Content-Type'] = 'application/json';
      init.body = JSON.stringify(body);
    }
    return fetch(path, init).then(function (response) {
      if (response.status === 401) { gone(); throw new Error('expired'); }
      return response;
    });
  }

  function randomId() {
    var bytes = new Uint8Array(12);
    crypto.getRandomValues(bytes);
    return Array.prototype.map.call(bytes, function (b) {
      return ('0' + b.toString(16)).slice(-2);
    }).join('');
  }

  function element(tag, className, content) {
    var node = document.createElement(tag);
    if (className) { node.className = className; }
    if (content !== undefined) { node.textContent = content; }
    return node;
  }

  function who(m) {
    if (m.author === 'END_USER') { return 'You'; }
    return m.author === 'AGENT' ? 'Support' : 'Notice';
  }

  function survey(s) {
    if (s.status === 'ANSWERED') {
      return element('p', 'thanks', 'Thank you! You rated us ' + s.rating + ' of ' + s.scale + '.');
    }
    if (s.status !== 'SENT') {
      return element('p', 'muted', 'This survey can no longer be answered.');
    }
    var set = element('fieldset', 'survey');
    set.appendChild(element('legend', null,
      'Rate the help you got, from 1 (poor) to ' + s.scale + ' (great)'));
    var ratings = element('div', 'ratings');
    for (var n = 1; n <= s.scale; n++) {
      var button = element('button', null, String(n));
      button.type = 'button';
      button.setAttribute('aria-label', 'Rate ' + n + ' of ' + s.scale);
      button.dataset.rating = String(n);
      button.addEventListener('click', rate.bind(null, s.surveyToken, n));
      ratings.appendChild(button);
    }
    set.appendChild(ratings);
    return set;
  }

  function render(view) {
    var json = JSON.stringify(view);
    if (json === shown) { return; }
    shown = json;
    var atEnd = list.scrollTop + list.clientHeight >= list.scrollHeight - 24;
    var items = document.createDocumentFragment();
    if (view.messages.length === 0) {
      items.appendChild(element('li', 'hint',
        'Write below and someone from support will answer here.'));
    }
    view.messages.forEach(function (m) {
      var item = element('li', 'msg msg-' + m.author.toLowerCase());
      item.dataset.kind = m.kind || m.author;
      var meta = element('div', 'meta', who(m) + ' \u00b7 ');
      var time = element('time', null, new Date(m.at).toLocaleTimeString([], {
        hour: '2-digit', minute: '2-digit' }));
      time.dateTime = m.at;
      meta.appendChild(time);
      item.appendChild(meta);
      item.appendChild(element('p', 'text', m.text));
      if (m.survey) { item.appendChild(survey(m.survey)); }
      items.appendChild(item);
    });
    list.replaceChildren(items);
    endButton.hidden = !(view.status === 'ACTIVE' || view.status === 'INACTIVE');
    if (atEnd) { list.scrollTop = list.scrollHeight; }
  }

  function refresh() {
    return call('GET', '/api/v1/widget/conversation')
      .then(function (r) { return r.ok ? r.json() : null; })
      .then(function (view) { if (view) { render(view); } })
      .catch(function () { /* the stream brings it */ });
  }

  function problem(response, fallback) {
    return response.json().then(function (p) { return p.detail || fallback; },
      function () { return fallback; });
  }

  function rate(surveyToken, rating) {
    fetch('/api/v1/csat/' + encodeURIComponent(surveyToken), {
      method: 'POST', headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ rating: rating })
    }).then(refresh, function () { say('Your rating was not sent: try again.'); });
  }

  form.addEventListener('submit', function (event) {
    event.preventDefault();
    var message = text.value.trim();
    if (!message) {
      composerError.textContent = 'Write a message first.';
      composerError.hidden = false;
      text.focus();
      return;
    }
    composerError.hidden = true;
    send.disabled = true;
    var id = form.dataset.pending || randomId();
    form.dataset.pending = id; // a resend after a lost answer is stored once
    call('POST', '/api/v1/widget/conversation/messages', {
      messageId: id, text: message, locale: browserLocale()
    })
      .then(function (response) {
        if (response.ok) {
          delete form.dataset.pending;
          text.value = '';
          return refresh();
        }
        return problem(response, 'Your message was not sent.').then(function (why) {
          composerError.textContent = why;
          composerError.hidden = false;
        });
      }, function () {
        if (!expired) {
          composerError.textContent = 'Your message was not sent: check the connection and send it again.';
          composerError.hidden = false;
        }
      })
      .then(function () { send.disabled = false; });
  });

  text.addEventListener('keydown', function (event) {
    if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
      event.preventDefault();
      form.requestSubmit();
    }
  });

  endButton.addEventListener('click', function () {
    endButton.disabled = true;
    call('POST', '/api/v1/widget/conversation/end')
      .then(refresh, function () { /* shown by gone() or the stream */ })
      .then(function () { endButton.disabled = false; text.focus(); });
  });

  document.getElementById('close').addEventListener('click', function () {
    tell('sessionflow:close');
  });
  document.addEventListener('keydown', function (event) {
    if (event.key === 'Escape') { tell('sessionflow:close'); }
  });
  window.addEventListener('message', function (event) {
    if (event.source === window.parent && event.data && event.data.type === 'sessionflow:focus') {
      text.focus();
    }
  });

  // Server-Sent Events over fetch, so the token travels in a header, not the URL. After a dropped
  // connection it reconnects; the first event is the whole conversation, so nothing is missed.
  function listen() {
    if (expired) { return; }
    call('GET', '/api/v1/widget/conversation/stream').then(function (response) {
      if (!response.ok || !response.body) { throw new Error('stream ' + response.status); }
      say('');
      var reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
      var buffer = '';
      function pump() {
        return reader.read().then(function (chunk) {
          if (chunk.done) { return; }
          buffer += chunk.value.replace(/\r\n/g, '\n');
          var end;
          while ((end = buffer.indexOf('\n\n')) >= 0) {
            dispatch(buffer.slice(0, end));
            buffer = buffer.slice(end + 2);
          }
          return pump();
        });
      }
      return pump();
    }).catch(function () { /* reconnect below */ }).then(function () {
      if (!expired) {
        say('Reconnecting\u2026');
        setTimeout(listen, 1000 + Math.random() * 1000);
      }
    });
  }

  function dispatch(block) {
    var event = 'message';
    var data = [];
    block.split('\n').forEach(function (line) {
      if (line.indexOf('event:') === 0) { event = line.slice(6).trim(); }
      if (line.indexOf('data:') === 0) { data.push(line.slice(5).replace(/^ /, '')); }
    });
    if (event === 'conversation' && data.length) { render(JSON.parse(data.join('\n'))); }
  }

  if (!token) {
    gone();
    return;
  }
  refresh();
  listen();
}());
