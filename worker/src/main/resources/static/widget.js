// sessionflow web chat: <script src="https://support.example.com/widget.js" async></script>
// Adds a "Chat with us" button that opens the chat in a frame served by the service. A verified
// visitor: window.sessionflow('login', jwt) with a JWT the site's backend signs with a widget key.
(function () {
  'use strict';
  var script = document.currentScript;
  if (!script || window.__sessionflowWidget) { return; }
  window.__sessionflowWidget = true;
  var base = new URL(script.src, location.href).origin;
  var KEY = 'sessionflow.visitor:' + base;
  var queued = (window.sessionflow && window.sessionflow.q) || [];
  var visitor = null;
  var launcher = null;
  var panel = null;
  var frame = null;
  var starting = null;

  function load() {
    try {
      var v = JSON.parse(localStorage.getItem(KEY));
      return v && v.visitorToken && new Date(v.expiresAt) > new Date() ? v : null;
    } catch (e) { return null; }
  }

  function save(v) {
    try {
      if (v) { localStorage.setItem(KEY, JSON.stringify(v)); } else { localStorage.removeItem(KEY); }
    } catch (e) { /* private mode: the chat lasts as long as the page */ }
  }

  // The external_id a JWT names, to keep a verified visitor across page loads without a new one.
  function subject(jwt) {
    try {
      var part = jwt.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
      return JSON.parse(decodeURIComponent(escape(atob(part)))).external_id || null;
    } catch (e) { return null; }
  }

  function start(jwt) {
    return fetch(base + '/api/v1/widget/visitors', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(jwt ? { jwt: jwt } : {}),
      credentials: 'omit'
    }).then(function (response) {
      if (!response.ok) {
        var error = new Error('sessionflow: the chat cannot start here (' + response.status + ')');
        error.status = response.status;
        throw error;
      }
      return response.json();
    });
  }

  function style(node, rules) {
    Object.keys(rules).forEach(function (k) { node.style[k] = rules[k]; });
  }

  function show(v) {
    visitor = v;
    if (!launcher) {
      launcher = document.createElement('button');
      launcher.type = 'button';
      launcher.textContent = 'Chat with us';
      launcher.setAttribute('aria-label', 'Chat with us');
      launcher.setAttribute('aria-expanded', 'false');
      style(launcher, {
        position: 'fixed', right: '16px', bottom: '16px', zIndex: '2147483646',
        padding: '12px 18px', borderRadius: '24px', border: '0', background: '#1f4e79',
        color: '#ffffff', font: '600 15px system-ui, sans-serif', cursor: 'pointer',
        boxShadow: '0 2px 8px rgba(0,0,0,.25)'
      });
      launcher.addEventListener('click', function () { toggle(); });
      document.body.appendChild(launcher);
    }
    if (frame) { frame.src = base + '/widget/frame#' + encodeURIComponent(v.visitorToken); }
  }

  function open() {
    if (!panel) {
      panel = document.createElement('div');
      style(panel, {
        position: 'fixed', right: '8px', bottom: '72px', zIndex: '2147483647',
        width: 'min(380px, calc(100vw - 16px))', height: 'min(560px, calc(100vh - 88px))',
        boxShadow: '0 4px 16px rgba(0,0,0,.3)', borderRadius: '10px', overflow: 'hidden',
        background: '#ffffff'
      });
      frame = document.createElement('iframe');
      frame.title = 'Chat';
      frame.src = base + '/widget/frame#' + encodeURIComponent(visitor.visitorToken);
      frame.setAttribute('referrerpolicy', 'no-referrer');
      style(frame, { width: '100%', height: '100%', border: '0' });
      frame.addEventListener('load', function () {
        frame.contentWindow.postMessage({ type: 'sessionflow:focus' }, base);
      });
      panel.appendChild(frame);
      document.body.appendChild(panel);
    } else {
      panel.style.display = 'block';
      frame.contentWindow.postMessage({ type: 'sessionflow:focus' }, base);
    }
    launcher.setAttribute('aria-expanded', 'true');
    frame.focus();
  }

  function close() {
    if (panel) { panel.style.display = 'none'; }
    launcher.setAttribute('aria-expanded', 'false');
    launcher.focus();
  }

  function toggle() {
    if (panel && panel.style.display !== 'none') { close(); } else { open(); }
  }

  window.addEventListener('message', function (event) {
    if (event.origin !== base || !frame || event.source !== frame.contentWindow) { return; }
    var type = event.data && event.data.type;
    if (type === 'sessionflow:close') { close(); }
    if (type === 'sessionflow:expired') { save(null); }
  });

  function login(jwt) {
    var stored = load();
    var who = subject(jwt);
    if (stored && stored.verified && who && stored.externalId === who) {
      show(stored);
      return Promise.resolve(stored);
    }
    starting = start(jwt).then(function (v) {
      v.externalId = who;
      save(v);
      show(v);
      return v;
    }, function (error) {
      if (error.status === 401) { refused(); }
      console.warn(error.status === 401
        ? 'sessionflow: the visitor JWT was refused (invalid or expired)' : error.message);
    });
    return starting;
  }

  // The page's sign-in did not verify: the person is told, not left with a silent button.
  function refused() {
    var note = document.createElement('p');
    note.setAttribute('role', 'alert');
    note.textContent = 'Chat is unavailable: your sign-in could not be verified. Reload the page to try again.';
    style(note, {
      position: 'fixed', right: '16px', bottom: '16px', zIndex: '2147483646', margin: '0',
      maxWidth: 'min(320px, calc(100vw - 32px))', padding: '10px 14px', borderRadius: '8px',
      background: '#fff6d6', color: '#1d2329', font: '14px system-ui, sans-serif',
      boxShadow: '0 2px 8px rgba(0,0,0,.25)'
    });
    document.body.appendChild(note);
  }

  function logout() {
    save(null);
    visitor = null;
    if (panel) { panel.remove(); panel = null; frame = null; }
    if (launcher) { launcher.remove(); launcher = null; }
  }

  function api(command, argument) {
    if (command === 'login') { return login(argument); }
    if (command === 'logout') { return logout(); }
    if (command === 'open') { return visitor ? open() : undefined; }
    console.warn('sessionflow: unknown command ' + command);
  }

  window.sessionflow = api;
  queued.forEach(function (args) { api.apply(null, args); });

  // Anonymous unless the page logged a visitor in: after the page's own scripts had their turn.
  setTimeout(function () {
    if (starting || visitor) { return; }
    var stored = load();
    if (stored && !stored.verified) { show(stored); return; }
    start(null).then(function (v) { save(v); show(v); },
      function (error) { console.warn(error.message); });
  }, 0);
}());
